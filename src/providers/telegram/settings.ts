// Telegram's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const telegramSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_TELEGRAM_API_URL', 'https://api.telegram.org'),
});

export type TelegramSettings = ReturnType<typeof telegramSettings.read>;
