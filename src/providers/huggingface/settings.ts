// Hugging Face's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const huggingfaceSettings = defineSettings({
  url: baseUrl('LEAKSTOP_HUGGINGFACE_URL', 'https://huggingface.co'),
});

export type HuggingfaceSettings = ReturnType<typeof huggingfaceSettings.read>;
