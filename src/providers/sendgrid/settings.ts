// SendGrid's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const sendgridSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_SENDGRID_API_URL', 'https://api.sendgrid.com'),
});

export type SendgridSettings = ReturnType<typeof sendgridSettings.read>;
