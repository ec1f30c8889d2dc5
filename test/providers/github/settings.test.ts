// Where leaked GitHub tokens are asked about, from the operator's environment: github.com alone by
// default; GHE_HOST's API first, then github.com; the LEAKSTOP_GITHUB_API_URL override alone, as it
// always was; and the GHES revoke token, which must never be meant for github.com.
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../../src/detect/checksum.js';
import type { GithubSettings } from '../../../src/providers/github/settings.js';
import { OperatorSettingsError, parseOperatorSettings } from '../../../src/providers/index.js';

const REVOKE_TOKEN = generateGithubStyleToken('ghp_');

function github(env: NodeJS.ProcessEnv): GithubSettings {
  return parseOperatorSettings(env).github as GithubSettings;
}

function hosts(env: NodeJS.ProcessEnv): [string, string, string, string][] {
  return github(env).hosts.map((h) => [h.name, h.apiUrl, h.webUrl, h.revoke.auth]);
}

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    parseOperatorSettings(env);
  } catch (error) {
    if (error instanceof OperatorSettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('GitHub hosts', () => {
  it('asks github.com alone by default, revoking unauthenticated', () => {
    expect(hosts({})).toEqual([['github.com', 'https://api.github.com', 'https://github.com', 'none']]);
  });

  it('asks GHE_HOST first (GHE_PROTOCOL honoured), then github.com; the audit log is read on GHES', () => {
    const env = { GHE_HOST: 'ghe.acme.test:8443', GHE_PROTOCOL: 'http', LEAKSTOP_GITHUB_REVOKE_TOKEN: REVOKE_TOKEN };
    expect(hosts(env)).toEqual([
      ['ghe.acme.test:8443', 'http://ghe.acme.test:8443/api/v3', 'http://ghe.acme.test:8443', 'token'],
      ['github.com', 'https://api.github.com', 'https://github.com', 'none'],
    ]);
    expect(github(env).apiUrl).toBe('http://ghe.acme.test:8443/api/v3');
  });

  it('marks GHES revocation as missing its token rather than sending it unauthenticated', () => {
    expect(hosts({ GHE_HOST: 'ghe.acme.test' })[0]).toEqual(['ghe.acme.test', 'https://ghe.acme.test/api/v3', 'https://ghe.acme.test', 'missing']);
  });

  it('keeps the LEAKSTOP_GITHUB_API_URL override the one host asked, unauthenticated, with or without GHE_HOST', () => {
    expect(hosts({ LEAKSTOP_GITHUB_API_URL: 'http://127.0.0.1:9999/provider/' })).toEqual([['127.0.0.1:9999', 'http://127.0.0.1:9999/provider', 'https://github.com', 'none']]);
    expect(hosts({ LEAKSTOP_GITHUB_API_URL: 'http://127.0.0.1:9999/provider', GHE_HOST: 'ghe.acme.test' })).toEqual([['127.0.0.1:9999', 'http://127.0.0.1:9999/provider', 'https://ghe.acme.test', 'none']]);
    // An override that is a GHES, with a revoke token: authenticated there.
    expect(hosts({ LEAKSTOP_GITHUB_API_URL: 'https://ghe.acme.test/api/v3', LEAKSTOP_GITHUB_REVOKE_TOKEN: REVOKE_TOKEN })[0]?.[3]).toBe('token');
  });

  it('refuses a revoke token meant for github.com, and a malformed GHE_HOST, without showing the token', () => {
    const found = problems({ LEAKSTOP_GITHUB_REVOKE_TOKEN: REVOKE_TOKEN });
    expect(found).toEqual([expect.stringMatching(/^LEAKSTOP_GITHUB_REVOKE_TOKEN is set without GHE_HOST: github.com refuses an authenticated POST \/credentials\/revoke/)]);
    expect(found.join('\n')).not.toContain(REVOKE_TOKEN);
    expect(problems({ GHE_HOST: 'https://ghe.acme.test/' })).toEqual([expect.stringMatching(/^GHE_HOST must be a host name/)]);
  });
});
