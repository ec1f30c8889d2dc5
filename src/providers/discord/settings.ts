// Discord's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const discordSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_DISCORD_API_URL', 'https://discord.com/api/v10'),
});

export type DiscordSettings = ReturnType<typeof discordSettings.read>;
