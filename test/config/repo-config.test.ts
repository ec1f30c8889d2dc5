import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, parseConfig, pathIgnorer } from '../../src/config/repo-config.js';
import { repoConfigSchemaForOwner } from '../../src/config/repo-config.schema.js';

describe('parseConfig', () => {
  it('fills defaults for an empty file', () => {
    expect(parseConfig('', '.leakstop.yml')).toEqual(defaultConfig());
    expect(defaultConfig().scan.maxFileBytes).toBe(10 * 1024 * 1024);
  });

  it('reads path ignores and rule toggles', () => {
    const config = parseConfig('paths:\n  ignore: ["test/**"]\nrules:\n  disable: [generic-secret]\n', 'f');
    expect(config.paths.ignore).toEqual(['test/**']);
    expect(config.rules.disable).toEqual(['generic-secret']);
  });

  it('names an unknown key and says how to fix it', () => {
    expect(() => parseConfig('rules:\n  disabel: [x]\n', '.leakstop.yml')).toThrowError(/'rules\.disabel'.*\n.*Fix the file/s);
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

describe('loadConfig', () => {
  it('finds .leakstop.yml in the root, else .github/leakstop.yml, else defaults', async () => {
    const root = await mkdtemp(join(tmpdir(), 'leakstop-config-'));
    expect((await loadConfig(root)).file).toBeUndefined();
    await mkdir(join(root, '.github'));
    await writeFile(join(root, '.github/leakstop.yml'), 'rules:\n  disable: [a]\n');
    expect((await loadConfig(root)).config.rules.disable).toEqual(['a']);
    await writeFile(join(root, '.leakstop.yml'), 'rules:\n  disable: [b]\n');
    const loaded = await loadConfig(root);
    expect(loaded.config.rules.disable).toEqual(['b']);
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
