// Postman's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const postmanSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_POSTMAN_API_URL', 'https://api.getpostman.com'),
});

export type PostmanSettings = ReturnType<typeof postmanSettings.read>;
