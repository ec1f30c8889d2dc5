// The GitHub App's private key, read one way for every process that needs it: the app's auth
// (operator-env.ts) and the seal key derived from it (respond/seal.ts). PRIVATE_KEY holds the PEM
// itself (newlines may be written as \n, or the whole key base64-encoded onto one line, as Probot's
// deployment docs suggest); PRIVATE_KEY_PATH names the .pem file. PRIVATE_KEY wins.
import { readFileSync } from 'node:fs';

export type PrivateKeyVariable = 'PRIVATE_KEY' | 'PRIVATE_KEY_PATH';

/** The key as PEM, or why it cannot be used (never quoting the value); undefined when neither variable is set. */
export type AppPrivateKey =
  | { pem: string; variable: PrivateKeyVariable }
  | { problem: string; variable: PrivateKeyVariable; kind: 'unreadable-file' | 'not-pem' };

export type ReadKeyFile = (path: string) => string;

const readUtf8: ReadKeyFile = (path) => readFileSync(path, 'utf8');

const PEM_FILE_ADVICE = 'the .pem file downloaded from your GitHub App settings page';

export function readAppPrivateKey(env: NodeJS.ProcessEnv, readFile: ReadKeyFile = readUtf8): AppPrivateKey | undefined {
  if (env.PRIVATE_KEY) {
    const pem = decodePrivateKey(env.PRIVATE_KEY);
    if (pem !== undefined) return { pem, variable: 'PRIVATE_KEY' };
    return { problem: 'PRIVATE_KEY is not a PEM private key: paste the whole .pem file (or its base64), or set PRIVATE_KEY_PATH to the file instead', variable: 'PRIVATE_KEY', kind: 'not-pem' };
  }
  const path = env.PRIVATE_KEY_PATH;
  if (!path) return undefined;
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { problem: `PRIVATE_KEY_PATH cannot be read (${reason}): set it to ${PEM_FILE_ADVICE}`, variable: 'PRIVATE_KEY_PATH', kind: 'unreadable-file' };
  }
  const pem = decodePrivateKey(text);
  if (pem !== undefined) return { pem, variable: 'PRIVATE_KEY_PATH' };
  return { problem: `PRIVATE_KEY_PATH does not name a PEM private key: use ${PEM_FILE_ADVICE}`, variable: 'PRIVATE_KEY_PATH', kind: 'not-pem' };
}

const PEM_PATTERN = /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[\s\S]{1,20000}?-----END [A-Z ]{0,20}PRIVATE KEY-----/;

/** The PEM block in `value` as is, with `\n` written out, or base64 of the whole file. */
function decodePrivateKey(value: string): string | undefined {
  const direct = PEM_PATTERN.exec(value.replaceAll('\\n', '\n'));
  if (direct) return `${direct[0]}\n`;
  const fromBase64 = PEM_PATTERN.exec(Buffer.from(value.trim(), 'base64').toString('utf8'));
  return fromBase64 ? `${fromBase64[0]}\n` : undefined;
}
