// Mailgun's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const mailgunSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_MAILGUN_API_URL', 'https://api.mailgun.net'),
});

export type MailgunSettings = ReturnType<typeof mailgunSettings.read>;
