// Doppler's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const dopplerSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_DOPPLER_API_URL', 'https://api.doppler.com'),
});

export type DopplerSettings = ReturnType<typeof dopplerSettings.read>;
