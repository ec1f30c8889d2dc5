// GitHub's operator settings (environment only): where a leaked GitHub token is checked and revoked
// (GitHub Enterprise Server's API, github.com's, or a proxy), how revocation authenticates there, and
// an organization whose audit log shows what a leaked token did, with a token that may read it.
import type { Secret } from '../../detect/secret.js';
import { defineSettings, optionalUrl, secretSetting, textSetting } from '../settings.js';

export const GITHUB_COM_API = 'https://api.github.com';

/** One GitHub that may have issued a leaked token: github.com, a GHES instance, or the operator's override. */
export interface GithubHost {
  /** For people and records: `github.com`, `github.acme.com`. */
  name: string;
  /** REST API base, no trailing slash. */
  apiUrl: string;
  /** Web base, for the pages where a human revokes a token by hand. */
  webUrl: string;
  /**
   * How POST /credentials/revoke is sent there: github.com takes it only unauthenticated (an
   * authenticated request gets 403); GHES 3.19 only authenticated, with `revokeToken`.
   */
  revoke: { auth: 'none' } | { auth: 'token'; token: Secret } | { auth: 'missing' };
}

export interface GithubSettings {
  /** Where the token is asked about, in order: GHES first when GHE_HOST is set, then github.com. */
  hosts: readonly GithubHost[];
  /** The first host's API: where the organization audit log is read. */
  apiUrl: string;
  audit?: { org: string; token: Secret };
}

// GHE_HOST's rule and URLs as config/operator-env.ts has them for the app (Probot's convention). Not
// imported from there: the provider registry is loaded by every `leakstop scan`, which must not load zod.
const GHE_HOST_SHAPE = /^[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?$/;

/** GHES's REST API and web base for GHE_HOST, as githubEndpoints() in config/operator-env.ts. */
export function ghesUrls(host: string, protocol: 'https' | 'http'): { apiUrl: string; webUrl: string } {
  const origin = `${protocol}://${host}`;
  return { apiUrl: `${origin}/api/v3`, webUrl: origin };
}

export const githubSettings = defineSettings(
  {
    override: optionalUrl('LEAKSTOP_GITHUB_API_URL'),
    gheHost: textSetting('GHE_HOST', GHE_HOST_SHAPE, 'must be a host name (and optional :port) without a scheme or path, e.g. GHE_HOST=github.example.com'),
    gheProtocol: textSetting('GHE_PROTOCOL', /^https?$/, 'must be https or http'),
    revokeToken: secretSetting('LEAKSTOP_GITHUB_REVOKE_TOKEN'),
    auditOrg: textSetting('LEAKSTOP_GITHUB_AUDIT_ORG', /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub organization login, e.g. acme'),
    auditToken: secretSetting('LEAKSTOP_GITHUB_AUDIT_TOKEN'),
  },
  ({ override, gheHost, gheProtocol, revokeToken, auditOrg, auditToken }, problems): GithubSettings => {
    if (auditToken && !auditOrg) problems.push('LEAKSTOP_GITHUB_AUDIT_TOKEN is set without LEAKSTOP_GITHUB_AUDIT_ORG: set the organization whose audit log it reads');
    if (auditOrg && !auditToken) problems.push('LEAKSTOP_GITHUB_AUDIT_ORG is set without LEAKSTOP_GITHUB_AUDIT_TOKEN (or _FILE): set a token of an organization owner with read:audit_log');
    if (revokeToken && !gheHost && !override) {
      problems.push('LEAKSTOP_GITHUB_REVOKE_TOKEN is set without GHE_HOST: github.com refuses an authenticated POST /credentials/revoke (403); set it only for GitHub Enterprise Server');
    }
    const hosts = githubHosts({ override, gheHost, gheProtocol: gheProtocol === 'http' ? 'http' : 'https', revokeToken });
    return { hosts, apiUrl: hosts[0]!.apiUrl, ...(auditOrg && auditToken ? { audit: { org: auditOrg, token: auditToken } } : {}) };
  },
);

const GITHUB_COM: GithubHost = { name: 'github.com', apiUrl: GITHUB_COM_API, webUrl: 'https://github.com', revoke: { auth: 'none' } };

/**
 * The operator's LEAKSTOP_GITHUB_API_URL is the one place asked, as it always was (a proxy, a test
 * server). Otherwise GHE_HOST's API first, where a token leaked on GHES was most likely issued, then
 * github.com, since a token leaked on GHES may just as well be a github.com token.
 */
function githubHosts(values: { override: string | undefined; gheHost: string | undefined; gheProtocol: 'https' | 'http'; revokeToken: Secret | undefined }): GithubHost[] {
  const { override, gheHost, gheProtocol, revokeToken } = values;
  const ghesRevoke: GithubHost['revoke'] = revokeToken ? { auth: 'token', token: revokeToken } : { auth: 'missing' };
  if (override !== undefined) {
    // Revocation there is unauthenticated, as it always was, unless the operator gives a revocation
    // token (the override then points at a GHES); by-hand pages are GHE_HOST's, else github.com's.
    const webUrl = gheHost ? ghesUrls(gheHost, gheProtocol).webUrl : GITHUB_COM.webUrl;
    return [{ name: new URL(override).host, apiUrl: override, webUrl, revoke: revokeToken ? { auth: 'token', token: revokeToken } : { auth: 'none' } }];
  }
  if (gheHost === undefined) return [GITHUB_COM];
  return [{ name: gheHost, ...ghesUrls(gheHost, gheProtocol), revoke: ghesRevoke }, GITHUB_COM];
}

/** Whether the token is asked about on more than one GitHub, so every answer must say which one gave it. */
export function asksSeveralHosts(settings: GithubSettings): boolean {
  return settings.hosts.length > 1;
}

/** 'GitHub' where only one GitHub is asked (as before GHES support), else the host's name. */
export function hostLabel(settings: GithubSettings, host: GithubHost): string {
  return asksSeveralHosts(settings) ? host.name : 'GitHub';
}

/** The `host` an outcome records: only where several GitHubs are asked. */
export function answeredBy(settings: GithubSettings, host: GithubHost): { host?: string } {
  return asksSeveralHosts(settings) ? { host: host.name } : {};
}
