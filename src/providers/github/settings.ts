// GitHub's operator settings (environment only): the API (GitHub Enterprise Server's, or a proxy), and
// an organization whose audit log shows what a leaked token did, with a token that may read it.
import type { Secret } from '../../detect/secret.js';
import { baseUrl, defineSettings, secretSetting, textSetting } from '../settings.js';

export interface GithubSettings {
  apiUrl: string;
  audit?: { org: string; token: Secret };
}

export const githubSettings = defineSettings(
  {
    apiUrl: baseUrl('LEAKSTOP_GITHUB_API_URL', 'https://api.github.com'),
    auditOrg: textSetting('LEAKSTOP_GITHUB_AUDIT_ORG', /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub organization login, e.g. acme'),
    auditToken: secretSetting('LEAKSTOP_GITHUB_AUDIT_TOKEN'),
  },
  ({ apiUrl, auditOrg, auditToken }, problems): GithubSettings => {
    if (auditToken && !auditOrg) problems.push('LEAKSTOP_GITHUB_AUDIT_TOKEN is set without LEAKSTOP_GITHUB_AUDIT_ORG: set the organization whose audit log it reads');
    if (auditOrg && !auditToken) problems.push('LEAKSTOP_GITHUB_AUDIT_ORG is set without LEAKSTOP_GITHUB_AUDIT_TOKEN (or _FILE): set a token of an organization owner with read:audit_log');
    return { apiUrl, ...(auditOrg && auditToken ? { audit: { org: auditOrg, token: auditToken } } : {}) };
  },
);
