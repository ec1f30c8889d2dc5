// OpenAI's operator settings (environment only): where its API is, and the operator key it needs.
import { baseUrl, defineSettings, secretSetting } from '../settings.js';

export const openaiSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_OPENAI_API_URL', 'https://api.openai.com'),
  /** An admin key that revokes, rotates and reads usage. */
  adminKey: secretSetting('LEAKSTOP_OPENAI_ADMIN_KEY'),
});

export type OpenaiSettings = ReturnType<typeof openaiSettings.read>;
