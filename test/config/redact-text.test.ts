import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../../src/detect/checksum.js';
import { redactSecretsIn } from '../../src/config/redact-text.js';

describe('redactSecretsIn', () => {
  it('replaces every copy of a token with its redacted form and leaves other text alone', () => {
    const token = generateGithubStyleToken('ghp_');
    expect(redactSecretsIn(`key '${token}' and again ${token}.`)).toBe(`key 'ghp_…${token.slice(-4)} (40 chars)' and again ghp_…${token.slice(-4)} (40 chars).`);
    expect(redactSecretsIn("unknown key 'rules.disabel'")).toBe("unknown key 'rules.disabel'");
  });

  it('finds a secret by the context it has in the quoted source, where the message alone has none', () => {
    const password = '1BZNdlVom60QFTSamHy6np5k93PeRHMt';
    expect(redactSecretsIn(`unknown key '${password}'`, `db_password: ${password}\n`)).not.toContain(password);
    expect(redactSecretsIn(`unknown key '${password}'`)).toContain(password);
  });

  it('ignores an inline allow comment: it keeps a finding out of a report, not a secret in an error', () => {
    const token = generateGithubStyleToken('ghp_');
    expect(redactSecretsIn(`${token}: 1 # leakstop:allow`)).not.toContain(token);
  });
});
