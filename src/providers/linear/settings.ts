// Linear's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const linearSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_LINEAR_API_URL', 'https://api.linear.app'),
});

export type LinearSettings = ReturnType<typeof linearSettings.read>;
