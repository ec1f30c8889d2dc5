import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotationSink } from '../../../src/respond/sinks/create-rotation-sink.js';
import { parseRotationSinkSettings, readOperatorSecret, RotationSinkSettingsError } from '../../../src/respond/sinks/rotation-sink.js';

describe('parseRotationSinkSettings', () => {
  it('is undefined when the operator configured no sink', () => {
    expect(parseRotationSinkSettings({})).toBeUndefined();
  });

  it('reads a sink with its defaults', () => {
    const parsed = parseRotationSinkSettings({ LEAKSTOP_ROTATION_SINK: '{"kind":"github-actions","token":{"env":"SINK_TOKEN"},"repository":"acme/shop"}' });
    expect(parsed).toEqual({ kind: 'github-actions', apiBaseUrl: 'https://api.github.com', token: { env: 'SINK_TOKEN' }, repository: 'acme/shop', visibility: 'private' });
  });

  it('needs exactly one GitHub target and says so', () => {
    expect(() => parseRotationSinkSettings({ LEAKSTOP_ROTATION_SINK: '{"kind":"github-actions","token":{"env":"T"}}' })).toThrow(/exactly one of repository or organization/);
    expect(() => parseRotationSinkSettings({ LEAKSTOP_ROTATION_SINK: '{"kind":"ftp"}' })).toThrow(RotationSinkSettingsError);
    expect(() => parseRotationSinkSettings({ LEAKSTOP_ROTATION_SINK: 'vault' })).toThrow(/is not JSON/);
  });
});

describe('readOperatorSecret', () => {
  it('reads a variable or a file, and treats empty as missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakstop-sink-'));
    const file = join(dir, 'token');
    writeFileSync(file, 'hvs.fileToken\n');
    expect(readOperatorSecret({ env: 'TOKEN' }, { TOKEN: 'hvs.envToken' })).toBe('hvs.envToken');
    expect(readOperatorSecret({ env: 'TOKEN' }, { TOKEN: '' })).toBeUndefined();
    expect(readOperatorSecret({ file }, {})).toBe('hvs.fileToken');
    expect(readOperatorSecret({ file: join(dir, 'missing') }, {})).toBeUndefined();
  });
});

describe('createRotationSink', () => {
  it('builds the sink the operator chose', () => {
    const deps = { fetch, env: {}, now: () => new Date(), aws: { credentials: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'x'.repeat(40) } } };
    const kinds = ['{"kind":"github-actions","token":{"env":"T"},"organization":"acme"}', '{"kind":"vault-kv2","address":"https://vault:8200","token":{"file":"/run/vault-token"},"mount":"secret"}', '{"kind":"aws-secrets-manager","region":"eu-west-1"}'].map(
      (json) => createRotationSink(parseRotationSinkSettings({ LEAKSTOP_ROTATION_SINK: json })!, deps).kind,
    );
    expect(kinds).toEqual(['github-actions', 'vault-kv2', 'aws-secrets-manager']);
  });
});
