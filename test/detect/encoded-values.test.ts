import { describe, expect, it } from 'vitest';
import { DECODE_TRIGGERS, findEncodedValues, type EncodedValue, type TriggerKind } from '../../src/detect/encoded-values.js';
import { bytesView, stringView } from '../../src/detect/text-view.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** The trigger hits of `text`, as the engine's prefilter finds them. */
function hitsOf(text: string): Array<{ offset: number; kind: TriggerKind }> {
  const hits: Array<{ offset: number; kind: TriggerKind }> = [];
  for (const { text: keyword, kind } of DECODE_TRIGGERS) {
    for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) hits.push({ offset: at, kind });
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

function valuesIn(text: string): Array<Pick<EncodedValue, 'key' | 'structure' | 'base64'> & { at: string }> {
  return findEncodedValues(stringView(text), hitsOf(text))
    .sort((a, b) => a.start - b.start)
    .map((v) => {
      // The value's offsets point at its base64 in the text.
      expect(text.slice(v.start, v.end)).toBe(v.base64);
      return { key: v.key, structure: v.structure, base64: v.base64, at: `${text.slice(0, v.start).split('\n').length}` };
    });
}

const password = b64('Zr7#pQ9!vL2@xW4$');
const user = b64('app');

describe('findEncodedValues', () => {
  it("reads a YAML Secret's data entries, quoted or not, whatever the order of its keys", () => {
    const text = [
      'apiVersion: v1',
      'data:',
      `  password: ${password}`,
      '  # a comment',
      `  username: "${user}"`,
      `  empty: ''`,
      'kind: Secret',
      'metadata:',
      '  name: db',
      `  annotations: {note: ${password}}`,
      'stringData:',
      '  plain: text',
      '',
    ].join('\n');
    expect(valuesIn(text)).toEqual([
      { key: 'password', structure: 'Kubernetes Secret data', base64: password, at: '3' },
      { key: 'username', structure: 'Kubernetes Secret data', base64: user, at: '5' },
    ]);
  });

  it('reads each Secret of a multi-document file and of a List, and only Secrets', () => {
    const text = [
      'kind: ConfigMap',
      'data:',
      `  notSecret: ${user}`,
      '---',
      'kind: Secret',
      'data:',
      `  first: ${password}`,
      '---',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  data:',
      `    second: ${password}`,
      '  kind: Secret',
      '- kind: SecretStore',
      '  data:',
      `    third: ${password}`,
      '- kind: Secret',
      '  data:',
      `    fourth: ${user}`,
    ].join('\n');
    expect(valuesIn(text).map((v) => [v.key, v.at])).toEqual([
      ['first', '7'],
      ['second', '13'],
      ['fourth', '20'],
    ]);
  });

  it('ignores `kind: Secret` that is not a mapping key (a comment, a value, a string)', () => {
    const text = ['# kind: Secret', 'note: "kind: Secret"', 'data:', `  value: ${password}`].join('\n');
    expect(valuesIn(text)).toEqual([]);
  });

  it("reads a JSON Secret's data object (kubectl -o json)", () => {
    const text = JSON.stringify({ apiVersion: 'v1', data: { 'tls.key': password, user }, kind: 'Secret', metadata: { name: 'x' } }, null, 4);
    expect(valuesIn(text).map((v) => v.key)).toEqual(['tls.key', 'user']);
    expect(valuesIn(JSON.stringify({ kind: 'Secret', data: { token: password } })).map((v) => v.key)).toEqual(['token']);
  });

  it('reads Docker config auths, kubeconfig client keys and base64 that starts a PEM or a Docker config', () => {
    const pem = b64('-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n');
    const config = b64('{"auths":{}}');
    const text = [
      `{"auths": {"r.io": {"auth": "${user}"}}}`,
      `    client-key-data: ${pem}`,
      `TLS_KEY=${pem}`,
      `value: ${config}`,
      // Inside a longer base64 run: not the start of a value.
      `blob: QUJD${pem}`,
    ].join('\n');
    expect(valuesIn(text).map((v) => [v.structure, v.key, v.at])).toEqual([
      ['Docker config auths', 'auth', '1'],
      ['kubeconfig', 'client-key-data', '2'],
      ['base64 PEM', undefined, '3'],
      ['base64 Docker config', undefined, '4'],
    ]);
  });

  it('gives byte offsets in a byte view, as the engine scans files', () => {
    const text = `# café\nkind: Secret\ndata:\n  password: ${password}\n`;
    const bytes = Buffer.from(text);
    const [value] = findEncodedValues(bytesView(bytes, 1), hitsOf(bytes.toString('latin1')));
    expect(bytes.subarray(value!.start, value!.end).toString()).toBe(password);
  });

  it('reads a file of a million trigger lines in linear time', () => {
    // Each hit re-reading its whole mapping would be quadratic here: minutes, not milliseconds.
    const lines = 'kind: Secret\n'.repeat(200_000) + 'data:\n' + `  a: ${password}\n`.repeat(50_000);
    expect(findEncodedValues(stringView(lines), hitsOf(lines))).toHaveLength(50_000);
    const json = `{"kind":"Secret","data":{"k":"${password}"}}`.repeat(40_000);
    expect(findEncodedValues(stringView(json), hitsOf(json)).length).toBeGreaterThan(1000);
    const auths = `"auth":"${password}",`.repeat(100_000);
    expect(findEncodedValues(stringView(auths), hitsOf(auths))).toHaveLength(100_000);
  }, 20_000);
});
