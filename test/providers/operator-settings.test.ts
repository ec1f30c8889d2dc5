import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnthropicSettings } from '../../src/providers/anthropic/settings.js';
import type { GithubSettings } from '../../src/providers/github/settings.js';
import type { GitlabSettings } from '../../src/providers/gitlab/settings.js';
import { OperatorSettingsError, parseOperatorSettings as parseAll } from '../../src/providers/index.js';
import type { NpmSettings } from '../../src/providers/npm/settings.js';
import type { OpenaiSettings } from '../../src/providers/openai/settings.js';
import type { ReadSecretFile } from '../../src/providers/settings.js';
import type { SlackSettings } from '../../src/providers/slack/settings.js';
import type { TwilioSettings } from '../../src/providers/twilio/settings.js';
import type { VaultSettings } from '../../src/providers/vault/settings.js';

/** The settings these tests read, typed as each provider's settings.ts declares them. */
interface Settings {
  github: GithubSettings;
  gitlab: GitlabSettings;
  npm: NpmSettings;
  openai: OpenaiSettings;
  anthropic: AnthropicSettings;
  slack: SlackSettings;
  twilio: TwilioSettings;
  vault: VaultSettings;
}

function parseOperatorSettings(env: NodeJS.ProcessEnv, readFile?: ReadSecretFile): Settings {
  return parseAll(env, readFile) as unknown as Settings;
}

const ADMIN_KEY = 'sk-admin-Zq8vN3xLp2Rt7YwK5mB9cD4fG6hJ1sA0';
const noFiles = (path: string): string => {
  throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
};

function problemsOf(env: NodeJS.ProcessEnv, readFile = noFiles): string[] {
  try {
    parseOperatorSettings(env, readFile);
  } catch (error) {
    if (error instanceof OperatorSettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseOperatorSettings', () => {
  it('defaults every base URL to the provider’s real API and holds no credentials', () => {
    const settings = parseOperatorSettings({});
    expect(settings.github).toEqual({ apiUrl: 'https://api.github.com', hosts: [{ name: 'github.com', apiUrl: 'https://api.github.com', webUrl: 'https://github.com', revoke: { auth: 'none' } }] });
    expect(settings.gitlab.url).toBe('https://gitlab.com');
    expect(settings.npm.registryUrl).toBe('https://registry.npmjs.org');
    expect(settings.openai).toEqual({ apiUrl: 'https://api.openai.com' });
    expect(settings.slack).toEqual({ apiUrl: 'https://slack.com/api', webhookUrl: 'https://hooks.slack.com' });
    expect(settings.twilio).toEqual({ apiUrl: 'https://api.twilio.com' });
    // No default Vault: a token is only ever sent to the operator's own.
    expect(settings.vault).toEqual({});
  });

  it('takes base URLs from the environment, without a trailing slash', () => {
    const settings = parseOperatorSettings({ LEAKSTOP_GITHUB_API_URL: 'https://ghe.acme.test/api/v3/', LEAKSTOP_VAULT_URL: 'https://vault.acme.test:8200' });
    expect(settings.github.apiUrl).toBe('https://ghe.acme.test/api/v3');
    expect(settings.vault.url).toBe('https://vault.acme.test:8200');
  });

  it('takes the Slack webhook and Twilio bases from the environment, checked like every base URL', () => {
    const settings = parseOperatorSettings({ LEAKSTOP_SLACK_WEBHOOK_URL: 'https://slack-egress.acme.test/', LEAKSTOP_TWILIO_API_URL: 'https://twilio-egress.acme.test' });
    expect(settings.slack.webhookUrl).toBe('https://slack-egress.acme.test');
    expect(settings.twilio.apiUrl).toBe('https://twilio-egress.acme.test');
    expect(problemsOf({ LEAKSTOP_SLACK_WEBHOOK_URL: 'hooks.slack.com', LEAKSTOP_TWILIO_API_URL: 'ftp://api.twilio.com' })).toEqual([
      expect.stringMatching(/^LEAKSTOP_SLACK_WEBHOOK_URL must be an http\(s\) URL/),
      expect.stringMatching(/^LEAKSTOP_TWILIO_API_URL must be an http\(s\) URL/),
    ]);
  });

  it('reads a key from the file its _FILE variable names and keeps it wrapped', () => {
    const settings = parseOperatorSettings({ LEAKSTOP_OPENAI_ADMIN_KEY_FILE: '/run/secrets/openai' }, () => `${ADMIN_KEY}\n`);
    expect(settings.openai.adminKey?.reveal()).toBe(ADMIN_KEY);
    expect(JSON.stringify(settings)).not.toContain(ADMIN_KEY);
    expect(inspect(settings, { depth: 5 })).not.toContain(ADMIN_KEY);
  });

  it('reads inline keys too', () => {
    expect(parseOperatorSettings({ LEAKSTOP_ANTHROPIC_ADMIN_KEY: ADMIN_KEY }).anthropic.adminKey?.reveal()).toBe(ADMIN_KEY);
  });

  it('needs the audit organization and token together', () => {
    const settings = parseOperatorSettings({ LEAKSTOP_GITHUB_AUDIT_ORG: 'acme', LEAKSTOP_GITHUB_AUDIT_TOKEN: 'ghp_auditTokenValue0123456789' });
    expect(settings.github.audit?.org).toBe('acme');
    expect(problemsOf({ LEAKSTOP_GITHUB_AUDIT_ORG: 'acme' })).toEqual([expect.stringContaining('LEAKSTOP_GITHUB_AUDIT_ORG is set without LEAKSTOP_GITHUB_AUDIT_TOKEN')]);
    expect(problemsOf({ LEAKSTOP_GITHUB_AUDIT_TOKEN: 'ghp_auditTokenValue0123456789' })).toEqual([expect.stringContaining('LEAKSTOP_GITHUB_AUDIT_TOKEN is set without')]);
  });

  it('names every bad variable in one error, never echoing a key', () => {
    const problems = problemsOf({
      LEAKSTOP_GITLAB_URL: 'ftp://gitlab.acme.test',
      LEAKSTOP_SLACK_API_URL: 'not a url',
      LEAKSTOP_OPENAI_ADMIN_KEY: ADMIN_KEY,
      LEAKSTOP_OPENAI_ADMIN_KEY_FILE: '/run/secrets/openai',
      LEAKSTOP_STRIPE_SECRET_KEY_FILE: '/missing',
      LEAKSTOP_ANTHROPIC_ADMIN_KEY: 'has spaces in it',
    });
    // In the registry's order of providers.
    expect(problems).toEqual([
      expect.stringMatching(/^LEAKSTOP_SLACK_API_URL must be an http\(s\) URL/),
      expect.stringContaining('LEAKSTOP_STRIPE_SECRET_KEY_FILE cannot be read (ENOENT)'),
      expect.stringContaining('LEAKSTOP_OPENAI_ADMIN_KEY and LEAKSTOP_OPENAI_ADMIN_KEY_FILE are both set'),
      expect.stringContaining('LEAKSTOP_ANTHROPIC_ADMIN_KEY does not hold a key'),
      expect.stringMatching(/^LEAKSTOP_GITLAB_URL must be an http\(s\) URL/),
    ]);
    expect(problems.join('\n')).not.toContain(ADMIN_KEY);
  });

  it('treats empty variables as unset', () => {
    expect(parseOperatorSettings({ LEAKSTOP_GITHUB_API_URL: '', LEAKSTOP_OPENAI_ADMIN_KEY: '' }).github.apiUrl).toBe('https://api.github.com');
  });
});
