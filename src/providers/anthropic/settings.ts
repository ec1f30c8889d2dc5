// Anthropic's operator settings (environment only): where its API is, and the operator key it needs.
import { baseUrl, defineSettings, secretSetting } from '../settings.js';

export const anthropicSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_ANTHROPIC_API_URL', 'https://api.anthropic.com'),
  /** An Admin API key that disables keys and reads usage. */
  adminKey: secretSetting('LEAKSTOP_ANTHROPIC_ADMIN_KEY'),
});

export type AnthropicSettings = ReturnType<typeof anthropicSettings.read>;
