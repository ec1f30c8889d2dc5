// Private keys in text form: PEM (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 plain and encrypted, OpenSSH)
// and OpenPGP armored private key blocks. The secret is the whole block, BEGIN to END. Public keys
// and certificates have different BEGIN lines and are never matched.
//
// The pattern body is "anything but five dashes", so from each BEGIN it scans only up to the next
// `-----` and stays linear however many BEGIN lines a file repeats; validate() then decides whether
// the body is really a key (base64 lines decoding to DER, an OpenSSH key or an OpenPGP secret key).
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { isDerSequence } from '../../detect/checksum.js';

/** Longest body searched for an END line; a BEGIN with no END within it is not a finding. */
const MAX_BODY = 16_384;

const NOT_FIVE_DASHES = String.raw`(?:[^-]|-(?!----))`;

/** Armor headers: `Proc-Type: 4,ENCRYPTED` in legacy PEM, `Comment: …` / `Version: …` in PGP. */
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,40}): ?(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]{1,100}={0,2}$/;
/** The optional CRC-24 line that ends a PGP armor body, e.g. `=Y0Xn`. */
const PGP_CHECKSUM_LINE = /^=[A-Za-z0-9+/]{4}$/;
/** A line that holds only string-literal punctuation, left over from `"…\n" +` concatenation. */
const SEPARATOR_LINE = /^[\s"'`+,;()]*$/;

interface ArmorBody {
  headers: Map<string, string>;
  der: Buffer;
}

/**
 * Strips what source code wraps around a key line: quotes, `+`/`,` concatenation, a trailing
 * backslash. `"MIIB…" +`, `+ "MIIB…"` and `MIIB…` all give `MIIB…`.
 */
function unwrapLine(line: string): string {
  return line
    .trim()
    .replace(/^[+,]?\s*["'`]/, '')
    .replace(/["'`]\s*[+,;)]?\s*$/, '')
    .replace(/\\$/, '')
    .trim();
}

/**
 * Reads an armor body: the lines between BEGIN and END, as they appear in a file, a JSON string
 * (`\n` escapes) or concatenated string literals. Undefined when any line is neither a header nor
 * base64: placeholders like `...` or `<your key>` end up here.
 */
function readArmorBody(body: string): ArmorBody | undefined {
  const lines = body.replace(/\\r/g, '').replace(/\\n/g, '\n').split(/\r\n|\r|\n/);
  const headers = new Map<string, string>();
  const base64: string[] = [];
  for (const raw of lines) {
    if (SEPARATOR_LINE.test(raw)) continue;
    const line = unwrapLine(raw);
    if (line === '') continue;
    const header = base64.length === 0 ? HEADER_LINE.exec(line) : null;
    if (header) {
      headers.set(header[1]!.toLowerCase(), header[2]!);
    } else if (PGP_CHECKSUM_LINE.test(line)) {
      continue;
    } else if (BASE64_LINE.test(line)) {
      base64.push(line);
    } else {
      return undefined;
    }
  }
  const joined = base64.join('');
  if (joined.length < 64) return undefined;
  return { headers, der: Buffer.from(joined, 'base64') };
}

const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/** The cipher an OpenSSH key is protected with ('none' when it is not), read from its header. */
function openSshCipher(der: Buffer): string | undefined {
  if (!der.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) return undefined;
  const at = OPENSSH_MAGIC.length;
  if (der.length < at + 4) return undefined;
  const length = der.readUInt32BE(at);
  if (length === 0 || length > 64 || der.length < at + 4 + length) return undefined;
  return der.toString('latin1', at + 4, at + 4 + length);
}

const FORMAT_BY_KIND: Record<string, string> = {
  RSA: 'PKCS#1 RSA',
  EC: 'SEC1 EC',
  DSA: 'DSA',
  ENCRYPTED: 'PKCS#8 (encrypted)',
  '': 'PKCS#8',
};

function checkPemKey({ groups }: Candidate): Validation {
  const kind = (groups['kind'] ?? '').trim();
  const body = readArmorBody(groups['body'] ?? '');
  if (!body) return { valid: false, reason: 'body is not base64 key material' };
  const { headers, der } = body;

  if (kind === 'OPENSSH') {
    const cipher = openSshCipher(der);
    if (cipher === undefined) return { valid: false, reason: 'not an OpenSSH key' };
    return {
      valid: true,
      confidence: 'structure',
      details: { privateKeyFormat: 'OpenSSH', encrypted: String(cipher !== 'none') },
    };
  }
  // Legacy OpenSSL encryption: the body is ciphertext, whole cipher blocks of 8 or 16 bytes.
  if (headers.get('proc-type')?.includes('ENCRYPTED')) {
    if (!headers.has('dek-info') || der.length % 8 !== 0) return { valid: false, reason: 'malformed encrypted PEM' };
    return { valid: true, confidence: 'structure', details: { privateKeyFormat: FORMAT_BY_KIND[kind] ?? kind, encrypted: 'true' } };
  }
  if (headers.size > 0) return { valid: false, reason: 'unexpected PEM headers' };
  if (!isDerSequence(der)) return { valid: false, reason: 'body is not one DER structure' };
  return {
    valid: true,
    confidence: 'structure',
    details: { privateKeyFormat: FORMAT_BY_KIND[kind] ?? kind, encrypted: String(kind === 'ENCRYPTED') },
  };
}

const SAMPLE_EC_KEY = [
  '-----BEGIN EC PRIVATE KEY-----',
  'MHcCAQEEIA1veMmJVu+JvYRn76puggRRda0Zmeca4M9OxTFf0CDUoAoGCCqGSM49',
  'AwEHoUQDQgAEzz2oBpIEaocAy/rw8hI2XT2Xn5Rf160VJcHY+YD9f7bLkw+C4HT9',
  'vj+vgTg8hEqQ4ZQ5Wb+8SWuPhwwaCQmqGA==',
  '-----END EC PRIVATE KEY-----',
].join('\n');

const SAMPLE_OPENSSH_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACALKXSA1m28IKeXBedfh8xQVGO1fwC9gBDJtlWv0YBbmQAAAJho0mqxaNJq',
  'sQAAAAtzc2gtZWQyNTUxOQAAACALKXSA1m28IKeXBedfh8xQVGO1fwC9gBDJtlWv0YBbmQ',
  'AAAEAKDQGRWqiCp2fGfD+U3djLBkXmBcKEE4LC/veTQUumiAspdIDWbbwgp5cF51+HzFBU',
  'Y7V/AL2AEMm2Va/RgFuZAAAAEmRlcGxveUBjaS1ydW5uZXItNwECAw==',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

/** The BEGIN lines the pattern accepts: fixed text, shown in a redacted key. */
const PEM_HEADERS = ['', 'RSA ', 'EC ', 'DSA ', 'ENCRYPTED ', 'OPENSSH '].map((kind) => `-----BEGIN ${kind}PRIVATE KEY-----`);

const pemKey: Rule = {
  id: 'private-key',
  provider: 'private-key',
  title: 'Private key (PEM / OpenSSH)',
  severity: 'critical',
  confidence: 'pattern',
  keywords: ['PRIVATE KEY-----'],
  prefixes: PEM_HEADERS,
  // From the keyword in the BEGIN line: back to `-----BEGIN ENCRYPTED `, ahead to the END line.
  window: { before: 32, after: MAX_BODY + 80 },
  pattern: new RegExp(
    String.raw`-----BEGIN (?<kind>(?:RSA|EC|DSA|ENCRYPTED|OPENSSH) )?PRIVATE KEY-----` +
      String.raw`(?<body>${NOT_FIVE_DASHES}{64,${MAX_BODY}})-----END \k<kind>PRIVATE KEY-----`,
  ),
  // The block itself holds `-----` runs and long base64 that trip the generic placeholder checks;
  // validate() checks the body's structure instead.
  skipPlaceholderCheck: true,
  validate: checkPemKey,
  remediation:
    'Treat the key as compromised: remove its public half wherever it grants access (authorized_keys, deploy keys at https://github.com/settings/keys, cloud key pairs), revoke any certificate issued for it, generate a new key pair and keep it out of the repository.',
  samples: {
    positive: [
      SAMPLE_EC_KEY,
      // A JSON config: the key is one string with \n escapes.
      String.raw`{"appId": 419203, "signingKey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgIKcbVQgft5WjfkVT\n2+opfkip6TPvpelHq2UPMAJ1l4OhRANCAAQDfq3icCbfLKIKEvUpQlwEAKwzPPJ7\nimjQKHME67YYQU4vGpYT9nzY3pWBq5PeMmUg0yfT8pfmYBa2XNbOpJHl\n-----END PRIVATE KEY-----\n", "issuer": "release-bot"}`,
      SAMPLE_OPENSSH_KEY,
      [
        'tls:',
        '  key: |',
        '    -----BEGIN ENCRYPTED PRIVATE KEY-----',
        '    MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAj5zSFmqYpYVwICCAAw',
        '    DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEBLW+PTqbIwQCipoERgjMvYEQDFB',
        '    lkoxQT1OhX409Ngh1zowneA8Fqp1Dr0AUyGMddUA7shlxQMSD5XOByFyTgldaDmf',
        '    rVcEJ1iW9Mj5zIA3zOg=',
        '    -----END ENCRYPTED PRIVATE KEY-----',
      ].join('\n'),
      [
        'const PRIVATE_KEY =',
        '  "-----BEGIN RSA PRIVATE KEY-----\\n" +',
        '  "MIICXAIBAAKBgQDRkwukKiwtV4KasFB4JLDj7ccnGhuW4RAWMuBf8+ECCtLe/avR\\n" +',
        '  "vZ1BDRB5A6z9yHJabc+rEwTJPGNupVjmuGGAOBOD5gtZqmbjHb6UsblW46C+GsS3\\n" +',
        '  "mCiEaapN6R98akGGoVrJqNx+n1sTcsq22FMNZMI9pYeCSRqtXU8vd3yCYwIDAQAB\\n" +',
        '  "AoGBAKz3SI9YAxf09qTGydMurROg5lIeWRDgdY9stARdWqJ93mYOROWZMhVDPAo0\\n" +',
        '  "f20BJ2f8431U+AlCHupt6v6YxFY41CyXQiiRBpawbNUEWJkbJ0/i+XqOPRCpFdV6\\n" +',
        '  "tlCzT9LKC1hm18R4mZNxQsaBZ1it6RfxUGvApsxwunxUwipZAkEA8J6N6eNk2hXr\\n" +',
        '  "vRpO1N6zN/YQje9EN5zR//tePVfgWDF+1E1nopJUGEkXSqn+0NKHW9kIhn20IcY2\\n" +',
        '  "ADRjCGfqRQJBAN74elNODXUQgBMABNOX8MuFq77awPmbJU3iayCOeL2tMl1s3PY4\\n" +',
        '  "d9pHpGKY9w1iwzAbA09ScP/jQ2wCUcwrmIcCQDvA9DcYDEyIUxGT/e2pHFKSXcwR\\n" +',
        '  "lhxFanUqZF3Re9oK+JcaXdkmg5HAXPNiwe/zyD+L5y0W/GvCwFhOqiVFQQ0CQDa/\\n" +',
        '  "lGm4FJ3V+1yu+IBsIngWzmECnbesXLCPE/behM8uI9vEy0y5+NPkG30KSj9DLOI2\\n" +',
        '  "/80OVSi/yOJQf30+hykCQHHr/dlvFnPtvgntAvdvwfzGLS4KfB5n5ETdEVOHPN+1\\n" +',
        '  "YYyVTKWDhrHkFltAbfDNXxoqv7uFHu81NiPsbJibhZ0=\\n" +',
        '  "-----END RSA PRIVATE KEY-----\\n";',
      ].join('\n'),
      [
        '-----BEGIN EC PRIVATE KEY-----',
        'Proc-Type: 4,ENCRYPTED',
        'DEK-Info: AES-128-CBC,675DC1D79104A88C491B7F8C7DE9D667',
        '',
        'EBwyzAcdmMfyqXCRIIU/G2/NoHBqablE8B3YDgyvfjAJlnXsDXEKyWqOhxKvlJqF',
        'Ahv/jrpGiPbVkcjEVbd7J3atXbac+PSP0cC8OmLmUdM2NG/vv9fuu6T7gfOuFY1m',
        'WKpVUlaKr1fGra4EzTt6MjJbuEBr5CxYkj6WU8ux8vo=',
        '-----END EC PRIVATE KEY-----',
      ].join('\n'),
    ],
    negative: [
      [
        '-----BEGIN PUBLIC KEY-----',
        'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEA36t4nAm3yyiChL1KUJcBACsMzzy',
        'e4po0ChzBOu2GEFOLxqWE/Z82N6VgauT3jJlINMn0/KX5mAWtlzWzqSR5Q==',
        '-----END PUBLIC KEY-----',
      ].join('\n'),
      [
        '-----BEGIN CERTIFICATE-----',
        'MIIBhDCCASugAwIBAgIUVqLRSWJuq88izqW4aCDFy4bJSyswCgYIKoZIzj0EAwIw',
        'GDEWMBQGA1UEAwwNbGVha3N0b3AtdGVzdDAeFw0yNjExMjMxMTU4MzVaFw0yNjEx',
        '-----END CERTIFICATE-----',
      ].join('\n'),
      // Documentation placeholders.
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq...\n...\n-----END RSA PRIVATE KEY-----',
      'PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n<your private key, base64, sixty-four characters a line>\\n-----END PRIVATE KEY-----"',
      // Base64 lines that are not a key: random bytes of the right alphabet.
      [
        '-----BEGIN PRIVATE KEY-----',
        'Q2x5dmRrM3BKaG9sV2ZKcE9ZcUhmUm9xT2VLd3NQdkE0bXpNcTk4eFpXbGtKdGhS',
        'dFZ4b0pOd2VtUmFsUHpUcU1kSXZYa1NjWW5Hb0JmRXlMdVdpQXNLek5oVmJPbUpj',
        '-----END PRIVATE KEY-----',
      ].join('\n'),
      // Truncated: the first lines of a real key, cut before the end.
      [
        '-----BEGIN EC PRIVATE KEY-----',
        'MHcCAQEEIA1veMmJVu+JvYRn76puggRRda0Zmeca4M9OxTFf0CDUoAoGCCqGSM49',
        'AwEHoUQDQgAEzz2oBpIEaocAy/rw8hI2XT2Xn5Rf160VJcHY+YD9f7bLkw+C4HT9',
        '-----END EC PRIVATE KEY-----',
      ].join('\n'),
      // BEGIN and END of different kinds.
      SAMPLE_EC_KEY.replace('-----END EC PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----'),
      // BEGIN with no END: the file was cut.
      SAMPLE_OPENSSH_KEY.replace('-----END OPENSSH PRIVATE KEY-----', ''),
    ],
  },
};

/** OpenPGP packet tag of the first packet: 5 is a Secret-Key packet (RFC 4880 §4.2, §5.5.3). */
function packetTag(first: number): number | undefined {
  if ((first & 0x80) === 0) return undefined;
  return (first & 0x40) !== 0 ? first & 0x3f : (first >> 2) & 0x0f;
}

const SECRET_KEY_PACKET = 5;

function checkPgpKey({ groups }: Candidate): Validation {
  const body = readArmorBody(groups['body'] ?? '');
  if (!body) return { valid: false, reason: 'body is not base64 key material' };
  if (packetTag(body.der[0] ?? 0) !== SECRET_KEY_PACKET) return { valid: false, reason: 'no secret key packet' };
  return { valid: true, confidence: 'structure', details: { privateKeyFormat: 'OpenPGP' } };
}

const SAMPLE_PGP_KEY = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  '',
  'lFgEawQqbhYJKwYBBAHaRw8BAQdAAQZf7SLhIqYAPGT06oIw409glaWR19YiXm8L',
  'vJqY3lEAAP4tHYxqdEL31CPfDfDNsgpqeGLJkTYGhyvDJgnQim3hkQ/+tCxMZWFr',
  'c3RvcCBUZXN0IDxyZWxlYXNlLWJvdEBsZWFrc3RvcC5pbnZhbGlkPoiWBBMWCAA+',
  'FiEEIItv8AMKoPNwvBTE5smfkN92gnMFAmsEKm4CGwMFCQABUYAFCwkIBwIGFQoJ',
  'CAsCBBYCAwECHgECF4AACgkQ5smfkN92gnOI2gEA+AGoHKxzz+wreO9DVmveLFPa',
  'vf98Ji0LeqXTNNwEOjIBALc5zUmd7FA+BHSCKB7b4ZaPk/FdsyF//Qj4wTAMoLcG',
  '=7se8',
  '-----END PGP PRIVATE KEY BLOCK-----',
].join('\n');

const pgpKey: Rule = {
  id: 'pgp-private-key',
  provider: 'private-key',
  title: 'PGP private key block',
  severity: 'critical',
  confidence: 'pattern',
  keywords: ['PGP PRIVATE KEY BLOCK'],
  prefixes: ['-----BEGIN PGP PRIVATE KEY BLOCK-----'],
  window: { before: 16, after: MAX_BODY + 80 },
  pattern: new RegExp(
    String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----(?<body>${NOT_FIVE_DASHES}{64,${MAX_BODY}})-----END PGP PRIVATE KEY BLOCK-----`,
  ),
  skipPlaceholderCheck: true,
  validate: checkPgpKey,
  remediation:
    'Revoke the key with its revocation certificate (`gpg --import revocation.asc`, then publish the revoked key to the keyservers and wherever it is trusted, e.g. https://github.com/settings/keys), generate a new key and re-sign what the old one signed.',
  samples: {
    positive: [
      SAMPLE_PGP_KEY,
      [
        'release:',
        '  signing_key: |',
        '    -----BEGIN PGP PRIVATE KEY BLOCK-----',
        '    Comment: GPGTools - https://gpgtools.org',
        '',
        '    lFgEawQrPBYJKwYBBAHaRw8BAQdARwTCMB/S+gvZvcnPUfrdCZH74AUNzI6JyOox',
        '    uq/gANYAAP9t3oc51TJxHmcTXlKXABPtYQSvvPPIS1Js/cg28nckDQ+KtChDSSBT',
        '    aWduaW5nIDxjaS1zaWduaW5nQGxlYWtzdG9wLmludmFsaWQ+iJYEExYIAD4WIQT/',
        '    aKsO3A4dm6EMDv1x0f120m5JugUCawQrPAIbAwUJAAFRgAULCQgHAgYVCgkICwIE',
        '    FgIDAQIeAQIXgAAKCRBx0f120m5JuskzAQD9TtksgBTi2+HhAVufmOh5O/0rGmj2',
        '    gTU+tpmdIoDCYQEA9D/ky962zExv7JN9tT+KR+bxpfbg22KQ1VAyg5iCyQI=',
        '    =Y0Xn',
        '    -----END PGP PRIVATE KEY BLOCK-----',
      ].join('\n'),
    ],
    negative: [
      [
        '-----BEGIN PGP PUBLIC KEY BLOCK-----',
        '',
        'mDMEawQqbhYJKwYBBAHaRw8BAQdAAQZf7SLhIqYAPGT06oIw409glaWR19YiXm8L',
        'vJqY3lEAAP4tHYxqdEL31CPfDfDNsgpqeGLJkTYGhyvDJgnQim3hkQ/+tCxMZWFr',
        '-----END PGP PUBLIC KEY BLOCK-----',
      ].join('\n'),
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n<paste your exported private key here>\n-----END PGP PRIVATE KEY BLOCK-----',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF...\n...\n-----END PGP PRIVATE KEY BLOCK-----',
      // Only the header survived: the block was cut.
      SAMPLE_PGP_KEY.replace('-----END PGP PRIVATE KEY BLOCK-----', ''),
    ],
  },
};

export const privateKey: ProviderDefinition = { id: 'private-key', name: 'Private keys', rules: [pemKey, pgpKey] };
