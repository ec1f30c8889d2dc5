import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, parseConfig, pathIgnorer } from '../../src/config/repo-config.js';

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
