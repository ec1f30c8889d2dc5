// The leak response's settings from the operator's environment: on/off and dry-run switches, the
// rotation sink, the provider settings and the seal key, each mistake named by its variable.
import { describe, expect, it } from 'vitest';
import type { GithubSettings } from '../../src/providers/github/settings.js';
import { OperatorSettingsError } from '../../src/providers/index.js';
import { parseResponseEnv, ResponseEnvError, type ResponseEnv } from '../../src/respond/response-env.js';
import { SealKeyError, sealKeyFromBytes } from '../../src/respond/seal.js';
import { RotationSinkSettingsError } from '../../src/respond/sinks/rotation-sink.js';
import { thrown } from './thrown.js';

/** GitHub's part of the providers' settings, as github/settings.ts declares it. */
function githubOf(env: ResponseEnv): GithubSettings {
  return env.providers['github'] as GithubSettings;
}

const KEY_BYTES = Buffer.from('6n1yJq0mXv7Lw3sKp9Rt2Ub5Hc8Df4Ga', 'utf8');
const SEAL = { LEAKSTOP_SEAL_KEY: KEY_BYTES.toString('base64') };
const VAULT_SINK = { kind: 'vault-kv2', address: 'https://vault.internal:8200', token: { env: 'VAULT_TOKEN' }, mount: 'secret' };

const noFiles = (path: string): string => {
  throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
};

/** The settings of an enabled response, failing the test if it came out disabled. */
function enabled(env: NodeJS.ProcessEnv, readFile?: (path: string) => string): ResponseEnv {
  const parsed = parseResponseEnv(env, readFile);
  if (!('sealKey' in parsed)) return expect.fail('expected the response to be on');
  return parsed;
}

describe('LEAKSTOP_RESPONSE', () => {
  it('is on by default, for real, with no sink and the default provider endpoints', () => {
    const env = enabled(SEAL);
    expect(env).toMatchObject({ enabled: true, dryRun: false });
    expect(env.sink).toBeUndefined();
    expect('sink' in env).toBe(false);
    expect(githubOf(env).apiUrl).toBe('https://api.github.com');
  });

  it('accepts on and off in any case, with spaces around', () => {
    expect(enabled({ ...SEAL, LEAKSTOP_RESPONSE: ' ON ' }).enabled).toBe(true);
    expect(parseResponseEnv({ LEAKSTOP_RESPONSE: 'Off' })).toEqual({ enabled: false });
    // An empty variable counts as unset, as in `LEAKSTOP_RESPONSE= leakstop worker`.
    expect(enabled({ ...SEAL, LEAKSTOP_RESPONSE: '' }).enabled).toBe(true);
  });

  it('needs nothing else when off: no seal key, and broken other settings are not read', () => {
    expect(parseResponseEnv({ LEAKSTOP_RESPONSE: 'off', LEAKSTOP_RESPONSE_DRY_RUN: 'maybe', LEAKSTOP_ROTATION_SINK: '{', LEAKSTOP_GITHUB_API_URL: 'nope' })).toEqual({ enabled: false });
  });

  it('refuses any other value, naming the variable and what it takes', () => {
    const error = thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_RESPONSE: 'yes' }), ResponseEnvError);
    expect(error.message).toBe("LEAKSTOP_RESPONSE must be on or off, not 'yes'");
    expect(error.name).toBe('ResponseEnvError');
  });
});

describe('LEAKSTOP_RESPONSE_DRY_RUN', () => {
  it('is false by default, and true or false as set', () => {
    expect(enabled(SEAL).dryRun).toBe(false);
    expect(enabled({ ...SEAL, LEAKSTOP_RESPONSE_DRY_RUN: 'true' }).dryRun).toBe(true);
    expect(enabled({ ...SEAL, LEAKSTOP_RESPONSE_DRY_RUN: 'TRUE' }).dryRun).toBe(true);
    expect(enabled({ ...SEAL, LEAKSTOP_RESPONSE_DRY_RUN: 'false' }).dryRun).toBe(false);
  });

  it('refuses 1, yes and the like rather than guessing, naming the variable', () => {
    const error = thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_RESPONSE_DRY_RUN: '1' }), ResponseEnvError);
    expect(error.message).toBe("LEAKSTOP_RESPONSE_DRY_RUN must be true or false, not '1'");
  });

  it('shows at most 20 characters of a bad value', () => {
    const error = thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_RESPONSE_DRY_RUN: 'x'.repeat(500) }), ResponseEnvError);
    expect(error.message).toContain(`'${'x'.repeat(20)}'`);
    expect(error.message).not.toContain('x'.repeat(21));
  });
});

describe('the rotation sink', () => {
  it('is parsed from LEAKSTOP_ROTATION_SINK, with its defaults', () => {
    const env = enabled({ ...SEAL, LEAKSTOP_ROTATION_SINK: JSON.stringify(VAULT_SINK) });
    expect(env.sink).toEqual({ ...VAULT_SINK, field: 'value' });
  });

  it('is refused, naming LEAKSTOP_ROTATION_SINK, when it is not JSON or not a sink', () => {
    expect(thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_ROTATION_SINK: '{kind: vault}' }), RotationSinkSettingsError).message).toMatch(/^LEAKSTOP_ROTATION_SINK .*is not JSON/s);
    const error = thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_ROTATION_SINK: JSON.stringify({ ...VAULT_SINK, address: 'vault' }) }), RotationSinkSettingsError);
    expect(error.message).toMatch(/^LEAKSTOP_ROTATION_SINK/);
    expect(error.problems.join('\n')).toContain('address');
  });
});

describe('the provider settings', () => {
  it('come from the environment, and a bad one is named', () => {
    expect(githubOf(enabled({ ...SEAL, LEAKSTOP_GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).apiUrl).toBe('https://ghe.example.com/api/v3');
    const error = thrown(() => parseResponseEnv({ ...SEAL, LEAKSTOP_GITHUB_API_URL: 'ghe.example.com' }), OperatorSettingsError);
    expect(error.message).toContain('LEAKSTOP_GITHUB_API_URL');
  });

  it('read operator secrets through the given reader', () => {
    const env = enabled({ ...SEAL, LEAKSTOP_GITHUB_AUDIT_ORG: 'acme', LEAKSTOP_GITHUB_AUDIT_TOKEN_FILE: '/run/secrets/audit' }, (path) => (path === '/run/secrets/audit' ? 'ghp_audittokenfortests\n' : noFiles(path)));
    expect(githubOf(env).audit?.org).toBe('acme');
    expect(githubOf(env).audit?.token.redacted).toContain('chars');
  });
});

describe('the seal key', () => {
  it('comes from LEAKSTOP_SEAL_KEY', () => {
    expect(enabled(SEAL).sealKey.id).toBe(sealKeyFromBytes(KEY_BYTES).id);
  });

  it('comes from LEAKSTOP_SEAL_KEY_FILE through the given reader', () => {
    const env = enabled({ LEAKSTOP_SEAL_KEY_FILE: '/run/secrets/seal' }, (path) => (path === '/run/secrets/seal' ? `${SEAL.LEAKSTOP_SEAL_KEY}\n` : noFiles(path)));
    expect(env.sealKey.id).toBe(sealKeyFromBytes(KEY_BYTES).id);
  });

  it('is required when the response is on, and the error names the variables to set', () => {
    const error = thrown(() => parseResponseEnv({}, noFiles), SealKeyError);
    expect(error.message).toContain('LEAKSTOP_SEAL_KEY');
    expect(error.message).toContain('PRIVATE_KEY');
  });

  it('is refused when malformed, naming the variable and never echoing the value', () => {
    const bad = 'c2hvcnQ='; // base64 of 5 bytes
    const error = thrown(() => parseResponseEnv({ LEAKSTOP_SEAL_KEY: bad }), SealKeyError);
    expect(error.message).toMatch(/^LEAKSTOP_SEAL_KEY holds 5 bytes/);
    expect(error.message).not.toContain(bad);
  });
});
