// Twilio's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const twilioSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_TWILIO_API_URL', 'https://api.twilio.com'),
});

export type TwilioSettings = ReturnType<typeof twilioSettings.read>;
