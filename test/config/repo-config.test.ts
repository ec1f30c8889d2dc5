import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, parseConfig, pathIgnorer } from '../../src/config/repo-config.js';
import { defaultRepoConfig } from '../../src/config/default-config.js';
import { repoConfigSchemaForOwner } from '../../src/config/repo-config.schema.js';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { stringify } from 'yaml';
import { acmeRule } from '../detect/custom-rule-specs.js';

/** The problems a config text is refused with, joined as the user sees them. */
function configErrorOf(text: string): string {
  try {
    parseConfig(text, '.leakstop.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('the config was accepted');
}

/** No piece of `token` past its type prefix (its first 4 characters) is quoted beyond the last 4. */
function expectNoTokenIn(message: string, token: string): void {
  expect(message).not.toContain(token);
  for (let i = 0; i + 12 <= token.length - 4; i++) expect(message, `characters ${i}-${i + 12} of the token`).not.toContain(token.slice(i, i + 12));
}

describe('parseConfig', () => {
  it('fills defaults for an empty file', () => {
    expect(parseConfig('', '.leakstop.yml')).toEqual(defaultConfig());
    expect(defaultConfig().scan.maxFileBytes).toBe(10 * 1024 * 1024);
    // The CLI's defaults without loading the parser are the schema's defaults.
    expect(defaultRepoConfig()).toEqual(defaultConfig());
  });

  it('reads path ignores and rule toggles', () => {
    const config = parseConfig('paths:\n  ignore: ["test/**"]\nrules:\n  disable: [generic-secret]\n', 'f');
    expect(config.paths.ignore).toEqual(['test/**']);
    expect(config.rules.disable).toEqual(['generic-secret']);
  });

  it('names an unknown key and says how to fix it', () => {
    expect(() => parseConfig('rules:\n  disabel: [x]\n', '.leakstop.yml')).toThrowError(/'rules\.disabel'.*\n.*Fix the file/s);
  });

  it("accepts the binary key-material rules and the repository's own custom rules in rules.disable", () => {
    expect(parseConfig('rules:\n  disable: [pkcs12-keystore, java-keystore, der-private-key]\n', 'f').rules.disable).toEqual(['pkcs12-keystore', 'java-keystore', 'der-private-key']);
    const custom = stringify({ rules: { custom: [acmeRule], disable: ['acme-api-key'] } });
    expect(parseConfig(custom, 'f').rules.disable).toEqual(['acme-api-key']);
  });

  it("refuses rules.disable naming an operator's custom rule, saying a repository cannot disable it", () => {
    const text = 'rules:\n  disable: [initech-client-secret]\n';
    expect(() => parseConfig(text, 'f', new Set(['initech-client-secret']))).toThrow(
      "rules.disable.0: 'initech-client-secret' is an organisation-wide custom rule set by the operator (LEAKSTOP_CUSTOM_RULES), which a repository cannot disable",
    );
    // Without the operator's rules it is just unknown, with where custom rules are defined.
    expect(configErrorOf(text)).toContain("rules.disable.0: unknown rule 'initech-client-secret'");
    expect(configErrorOf(text)).toContain('a custom rule must be defined under rules.custom');
  });

  it('refuses an unknown rule id in rules.disable and names the rule meant', () => {
    expect(configErrorOf('rules:\n  disable: [generic-secret, github-pat-clasic]\n')).toContain(
      "rules.disable.1: unknown rule 'github-pat-clasic' (did you mean 'github-pat-classic'?): `leakstop rules` lists the rule ids",
    );
    expect(configErrorOf('rules:\n  disable: [no-such-rule-at-all]\n')).toMatch(/rules\.disable\.0: unknown rule 'no-such-rule-at-all': `leakstop rules`/);
    const token = generateGithubStyleToken('ghp_');
    expectNoTokenIn(configErrorOf(`rules:\n  disable: [${token}]\n`), token);
  });

  it('names a key with the wrong type', () => {
    try {
      parseConfig('scan:\n  maxFileBytes: lots\n', '.leakstop.yml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toMatch(/^scan\.maxFileBytes: /);
    }
  });

  it('reports YAML syntax errors as config errors', () => {
    expect(() => parseConfig('paths: [unclosed\n', 'x.yml')).toThrowError(ConfigError);
  });

  it('refuses a billion-laughs alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    expect(() => parseConfig(bomb, 'bomb.yml')).toThrowError(ConfigError);
  });
});

describe('config errors quote no credential', () => {
  const token = generateGithubStyleToken('ghp_');

  it('redacts an unresolved alias named after a token', () => {
    const message = configErrorOf(`paths:\n  ignore: *${token}\n`);
    expect(message).toMatch(/Unresolved alias/);
    expectNoTokenIn(message, token);
  });

  it('quotes the line of a YAML syntax error with the token in it redacted', () => {
    const message = configErrorOf(`rules:\n  disable: [github-pat-classic\npaths: ${token}\n`);
    expect(message).toMatch(/YAML syntax: .*line \d+/);
    expect(message).toContain(`…${token.slice(-4)} (40 chars)`);
    expectNoTokenIn(message, token);
  });

  it('redacts a token pasted as a key, at the top level and in a section', () => {
    for (const text of [`${token}: true\n`, `rules:\n  ${token}: [x]\n`, `response:\n  providers:\n    ${token}: { revoke: off }\n`]) {
      const message = configErrorOf(text);
      expect(message).toMatch(/unknown (key|provider)/);
      expectNoTokenIn(message, token);
    }
  });

  it('redacts a token quoted in a value the schema refuses', () => {
    const message = configErrorOf(`incidents:\n  labels: ["${token}${'x'.repeat(20)}"]\n  repository: ${token}\n`);
    expect(message).toMatch(/incidents\.repository/);
    expectNoTokenIn(message, token);
  });

  it('says which key was meant', () => {
    expect(configErrorOf('rules:\n  disabel: [x]\n')).toContain("unknown key 'rules.disabel' (did you mean 'rules.disable'?): allowed here: disable");
    expect(configErrorOf('pahts:\n  ignore: []\n')).toContain("unknown key 'pahts' (did you mean 'paths'?)");
  });
});

describe('loadConfig', () => {
  it('finds .leakstop.yml in the root, else .github/leakstop.yml, else defaults', async () => {
    const root = await mkdtemp(join(tmpdir(), 'leakstop-config-'));
    expect((await loadConfig(root)).file).toBeUndefined();
    await mkdir(join(root, '.github'));
    await writeFile(join(root, '.github/leakstop.yml'), 'rules:\n  disable: [generic-secret]\n');
    expect((await loadConfig(root)).config.rules.disable).toEqual(['generic-secret']);
    await writeFile(join(root, '.leakstop.yml'), 'rules:\n  disable: [github-pat-classic]\n');
    const loaded = await loadConfig(root);
    expect(loaded.config.rules.disable).toEqual(['github-pat-classic']);
    expect(loaded.file).toBe(join(root, '.leakstop.yml'));
  });
});

describe('pathIgnorer', () => {
  it('matches globs relative to the root, dotfiles included', () => {
    const ignored = pathIgnorer(parseConfig('paths:\n  ignore: ["fixtures/**", "**/*.snap"]\n', 'f'));
    expect(ignored('fixtures/a/b.env')).toBe(true);
    expect(ignored('src/__snapshots__/x.snap')).toBe(true);
    expect(ignored('src/.env')).toBe(false);
  });
});

describe('incidents', () => {
  it('defaults to the scanned repository, nobody assigned and no extra labels', () => {
    expect(defaultConfig().incidents).toEqual({ assignees: [], labels: [] });
  });

  it('reads a central repository, assignees and labels', () => {
    const config = parseConfig('incidents:\n  repository: acme/security\n  assignees: [sec-lead]\n  labels: [security]\n', 'f');
    expect(config.incidents).toEqual({ repository: 'acme/security', assignees: ['sec-lead'], labels: ['security'] });
  });

  it('names a repository that is not owner/name, and a login that cannot be one', () => {
    expect(() => parseConfig('incidents:\n  repository: security\n', 'f')).toThrowError(/incidents\.repository: must be 'owner\/name'/);
    expect(() => parseConfig('incidents:\n  assignees: ["@sec-lead"]\n', 'f')).toThrowError(/incidents\.assignees\.0: must be a GitHub login/);
    expect(() => parseConfig(`incidents:\n  assignees: [${Array.from({ length: 11 }, (_, i) => `u${i}`).join(', ')}]\n`, 'f')).toThrowError(ConfigError);
  });

  it("refuses a central repository of another owner, whatever the case of the owner's name", () => {
    const schema = repoConfigSchemaForOwner('Acme');
    expect(schema.safeParse({ incidents: { repository: 'acme/security' } }).success).toBe(true);
    const other = schema.safeParse({ incidents: { repository: 'evil/inbox' } });
    expect(other.success).toBe(false);
    expect(other.error?.issues[0]).toMatchObject({ path: ['incidents', 'repository'], message: expect.stringContaining('must be a repository of Acme') });
  });
});

describe('response', () => {
  it('revokes and rotates by default, for real, with no provider overrides', () => {
    expect(defaultConfig().response).toEqual({ revoke: 'auto', rotate: 'auto', dryRun: false, providers: {} });
    expect(parseConfig('response: {}\n', 'f').response).toEqual(defaultConfig().response);
  });

  it('reads the modes, dry run and per-provider overrides from YAML', () => {
    const yaml = ['response:', '  revoke: approve', '  rotate: "off"', '  dryRun: true', '  providers:', '    aws: { revoke: "off" }', '    gitlab:', '      rotate: auto', ''].join('\n');
    expect(parseConfig(yaml, '.github/leakstop.yml').response).toEqual({
      revoke: 'approve',
      rotate: 'off',
      dryRun: true,
      providers: { aws: { revoke: 'off' }, gitlab: { rotate: 'auto' } },
    });
  });

  it('names an unknown provider id and lists the valid ones', () => {
    try {
      parseConfig('response:\n  providers:\n    amazon: { revoke: approve }\n', '.leakstop.yml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toMatch(/^response\.providers\.amazon: unknown provider 'amazon': use one of /);
      for (const id of ['github', 'aws', 'slack', 'gitlab', 'private-key']) expect(problem).toContain(id);
    }
  });

  it('names the key of a bad mode and the modes it allows', () => {
    expect(() => parseConfig('response:\n  revoke: sometimes\n', 'f')).toThrowError(/response\.revoke: must be one of auto, approve, off/);
    expect(() => parseConfig('response:\n  rotate: approve\n', 'f')).toThrowError(/response\.rotate: must be one of auto, off/);
    expect(() => parseConfig('response:\n  providers:\n    aws: { revoke: later }\n', 'f')).toThrowError(/response\.providers\.aws\.revoke: must be one of auto, approve, off/);
    expect(() => parseConfig('response:\n  dryRun: yes please\n', 'f')).toThrowError(/response\.dryRun: /);
  });

  it("reads an unquoted `off` as the mode, not as YAML 1.1's false", () => {
    // The yaml package follows YAML 1.2, where `off` is a string; this pins that down for users who write it bare.
    expect(parseConfig('response:\n  revoke: off\n  rotate: off\n', 'f').response).toMatchObject({ revoke: 'off', rotate: 'off' });
  });

  it('refuses unknown keys, at the top of the section and in an override', () => {
    expect(() => parseConfig('response:\n  dryrun: true\n', 'f')).toThrowError(/unknown key 'response\.dryrun'/);
    expect(() => parseConfig('response:\n  providers:\n    aws: { revokes: approve }\n', 'f')).toThrowError(/unknown key 'response\.providers\.aws\.revokes'/);
    // A repository chooses what happens, never where a secret goes.
    expect(() => parseConfig('response:\n  sink: https://evil.example/collect\n', 'f')).toThrowError(/unknown key 'response\.sink'/);
  });
});
