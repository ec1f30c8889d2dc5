// Slack's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const slackSettings = defineSettings({
  apiUrl: baseUrl('LEAKSTOP_SLACK_API_URL', 'https://slack.com/api'),
  webhookUrl: baseUrl('LEAKSTOP_SLACK_WEBHOOK_URL', 'https://hooks.slack.com'),
});

export type SlackSettings = ReturnType<typeof slackSettings.read>;
