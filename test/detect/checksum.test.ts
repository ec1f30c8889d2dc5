import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  awsAccountIdFromKeyId,
  BASE62_ALPHABET,
  decodeBase64,
  decodeBase64Url,
  generateGithubStyleToken,
  generateGitlabRoutableToken,
  githubStyleChecksum,
  hasValidGithubStyleChecksum,
  hasValidGitlabRoutableChecksum,
  inspectJwt,
  isDerSequence,
  readMacaroonV2,
  toBase62,
} from '../../src/detect/checksum.js';

/** `token` with the character at `index` replaced by another base62 character. */
function withCharChanged(token: string, index: number): string {
  const current = token[index]!;
  const replacement = BASE62_ALPHABET[(BASE62_ALPHABET.indexOf(current) + 1) % 62]!;
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe('toBase62', () => {
  it('pads with zeros and orders digits, then upper, then lower case', () => {
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61, 6)).toBe('00000z');
    expect(toBase62(62, 6)).toBe('000010');
    expect(toBase62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('GitHub-style checksum', () => {
  it('accepts a published real-world token, so the algorithm matches GitHub', () => {
    // A (revoked) token from therootcompany/base62-token.js test.js, listed as real-world.
    const published = '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';
    expect(githubStyleChecksum(published.slice(4, 34))).toBe(published.slice(34));
    expect(hasValidGithubStyleChecksum(published)).toBe(true);
  });

  it('generates tokens that validate, for any prefix', () => {
    for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'npm_']) {
      const token = generateGithubStyleToken(prefix);
      expect(token).toMatch(new RegExp(`^${prefix}[A-Za-z0-9]{36}$`));
      expect(hasValidGithubStyleChecksum(token)).toBe(true);
    }
  });

  it('rejects a change to any one character after the prefix', () => {
    const token = generateGithubStyleToken('ghp_');
    for (let i = 4; i < token.length; i++) expect(hasValidGithubStyleChecksum(withCharChanged(token, i)), `index ${i}`).toBe(false);
  });

  it('rejects wrong lengths and characters', () => {
    const token = generateGithubStyleToken('npm_');
    expect(hasValidGithubStyleChecksum(token.slice(0, -1))).toBe(false);
    expect(hasValidGithubStyleChecksum(`${token}0`)).toBe(false);
    expect(hasValidGithubStyleChecksum(`npm_${'-'.repeat(36)}`)).toBe(false);
  });
});

describe('GitLab routable checksum', () => {
  it('accepts the design document example of the longest token', () => {
    // https://handbook.gitlab.com/handbook/engineering/architecture/design-documents/cells/routable_tokens/
    const example =
      '++++++++++++++++++++YzozdzVlMTEyNjRzZ3NmCmc6M3c1ZTExMjY0c2dzZgpoOjN3NWUxMTI2NHNnc2YKajozdzVlMTEyNjRzZ3NmCms6M3c1ZTExMjY0c2dzZgpsOjN3NWUxMTI2NHNnc2YKbTozdzVlMTEyNjRzZ3NmCm86M3c1ZTExMjY0c2dzZgpwOjN3NWUxMTI2NHNnc2YKdTozdzVlMTEyNjRzZ3Nmw5bzMmayzK43Ugba9fl8T_I-nZqc5gxOGH2HsUF6-J7UesTG4lmc3PT2aoPyuiUndG5Ci5IMThAbaiNkUTR87KBB.8c1adh6iv';
    expect(hasValidGitlabRoutableChecksum(example)).toBe(true);
  });

  it('generates versioned tokens that validate', () => {
    const token = generateGitlabRoutableToken('glpat-', 'c:1\no:2s\nu:5yc1');
    expect(token).toMatch(/^glpat-[A-Za-z0-9_-]{27,300}\.01\.[0-9a-z]{2}[0-9a-z]{7}$/);
    expect(hasValidGitlabRoutableChecksum(token)).toBe(true);
  });

  it('rejects a changed character, a wrong length holder and a missing prefix', () => {
    const token = generateGitlabRoutableToken('glpat-', 'o:1\nu:2');
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      expect(hasValidGitlabRoutableChecksum(withCharChanged(token, i)), `index ${i}`).toBe(false);
    }
    // The design document's shortest example: checksum-valid, but no type prefix before the payload.
    expect(hasValidGitlabRoutableChecksum('bzoxd_Rb5_cHeWe1JH56wr2FCBA.0r1pum4t4')).toBe(false);
  });
});

describe('awsAccountIdFromKeyId', () => {
  it('decodes published examples', () => {
    // Aidan Steele, "AWS Access Key ID formats": sts:GetAccessKeyInfo answered 609629065308.
    expect(awsAccountIdFromKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
    // psanford/aws-account-id-from-key README.
    expect(awsAccountIdFromKeyId('ASIAVJ2E6QGR2WZILJFM')).toBe('364679954851');
    // QAAAAAAA is the zero offset.
    expect(awsAccountIdFromKeyId('ASIAQAAAAAAAGMKEM7X5')).toBe('000000000000');
  });

  it('gives nothing for older key ids and non-base32 text', () => {
    expect(awsAccountIdFromKeyId('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(awsAccountIdFromKeyId('AKIAJ3ZQKBOKMUTVV7AB')).toBeUndefined();
    expect(awsAccountIdFromKeyId('AKIAY34FZKBOKMUTVV70')).toBeUndefined();
    expect(awsAccountIdFromKeyId('AKIAY34FZKBOKMUTVV7')).toBeUndefined();
  });
});

/** A v2 binary macaroon: the layout PyPI tokens use. */
function macaroon(location: string, caveats: readonly string[], signatureLength = 32): Buffer {
  const field = (tag: number, value: string | Buffer): Buffer => {
    const bytes = Buffer.from(value);
    return Buffer.concat([Buffer.from([tag, bytes.length]), bytes]);
  };
  const parts = [Buffer.from([2]), field(1, location), field(2, 'b6f0c2d4-33a1-4d4e-9f0a-5e2b7c1d8a90'), Buffer.from([0])];
  for (const caveat of caveats) parts.push(field(2, caveat), Buffer.from([0]));
  parts.push(Buffer.from([0]), field(6, randomBytes(signatureLength)));
  return Buffer.concat(parts);
}

describe('readMacaroonV2', () => {
  it('reads the location and counts caveats', () => {
    expect(readMacaroonV2(macaroon('pypi.org', ['{"version": 1, "permissions": "user"}']))).toEqual({ location: 'pypi.org', caveats: 1 });
    expect(readMacaroonV2(macaroon('test.pypi.org', ['[0, 1767225600, 1767139200]', '[1, ["acme"]]']))).toEqual({
      location: 'test.pypi.org',
      caveats: 2,
    });
  });

  it('rejects truncated, padded, mis-versioned and unsigned bytes', () => {
    const good = macaroon('pypi.org', ['{"version": 1, "permissions": "user"}']);
    expect(readMacaroonV2(good.subarray(0, good.length - 1))).toBeUndefined();
    expect(readMacaroonV2(Buffer.concat([good, Buffer.from([0])]))).toBeUndefined();
    expect(readMacaroonV2(Buffer.concat([Buffer.from([1]), good.subarray(1)]))).toBeUndefined();
    expect(readMacaroonV2(macaroon('pypi.org', [], 16))).toBeUndefined();
    expect(readMacaroonV2(randomBytes(80))).toBeUndefined();
  });
});

describe('base64 decoding', () => {
  it('decodes only well-formed text', () => {
    expect(decodeBase64Url('aGk')?.toString()).toBe('hi');
    expect(decodeBase64Url('a+b')).toBeUndefined();
    expect(decodeBase64Url('abcde')).toBeUndefined();
    expect(decodeBase64('aGk=')?.toString()).toBe('hi');
    expect(decodeBase64('aGk')).toBeUndefined();
    expect(decodeBase64('a-b_')).toBeUndefined();
  });
});

describe('inspectJwt', () => {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signature = randomBytes(32).toString('base64url');

  it('returns the algorithm, issuer and expiry, and nothing else', () => {
    const token = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://github.com', exp: 1767225600, sub: 'repo:acme/app' })}.${signature}`;
    expect(inspectJwt(token)).toEqual({ alg: 'RS256', iss: 'https://github.com', exp: '2026-01-01T00:00:00.000Z' });
  });

  it('takes a numeric issuer, as GitHub App JWTs have', () => {
    expect(inspectJwt(`${part({ alg: 'RS256' })}.${part({ iss: 123456 })}.${signature}`)).toEqual({ alg: 'RS256', iss: '123456' });
  });

  it('rejects what is not a JWT', () => {
    const header = part({ alg: 'HS256' });
    const payload = part({ iss: 'x' });
    expect(inspectJwt(`${header}.${payload}`)).toBeUndefined();
    expect(inspectJwt(`${header}.${payload}.`)).toBeUndefined();
    expect(inspectJwt(`${part({ typ: 'JWT' })}.${payload}.${signature}`)).toBeUndefined();
    expect(inspectJwt(`${header}.${part([1, 2])}.${signature}`)).toBeUndefined();
    expect(inspectJwt(`${header}.${Buffer.from('not json').toString('base64url')}.${signature}`)).toBeUndefined();
    expect(inspectJwt(`${header}.${payload}.${signature}.${signature}`)).toBeUndefined();
  });
});

describe('isDerSequence', () => {
  it('accepts exactly one SEQUENCE with short or long length', () => {
    expect(isDerSequence(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]))).toBe(true);
    expect(isDerSequence(Buffer.concat([Buffer.from([0x30, 0x81, 0x80]), Buffer.alloc(0x80)]))).toBe(true);
  });

  it('rejects other tags, wrong lengths and trailing bytes', () => {
    expect(isDerSequence(Buffer.from([0x04, 0x01, 0x00]))).toBe(false);
    expect(isDerSequence(Buffer.from([0x30, 0x05, 0x02, 0x01, 0x00]))).toBe(false);
    expect(isDerSequence(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00, 0x00]))).toBe(false);
    expect(isDerSequence(Buffer.from('Not a key', 'utf8'))).toBe(false);
  });
});
