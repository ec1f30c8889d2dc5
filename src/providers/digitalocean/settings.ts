// DigitalOcean's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const digitaloceanSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_DIGITALOCEAN_API_URL', 'https://api.digitalocean.com'),
});

export type DigitaloceanSettings = ReturnType<typeof digitaloceanSettings.read>;
