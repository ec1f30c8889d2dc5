// GitLab's operator settings (environment only): where its API is.
import { baseUrl, defineSettings } from '../settings.js';

export const gitlabSettings = defineSettings({
  url: baseUrl('LEAKSTOP_GITLAB_URL', 'https://gitlab.com'),
});

export type GitlabSettings = ReturnType<typeof gitlabSettings.read>;
