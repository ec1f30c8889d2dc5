// Writes a deterministic synthetic source tree for the benchmark: code-like files in several
// languages full of the words that wake the prefilter (token, secret, password, key), base64 and
// hex blobs, URLs, and a few planted fake credentials.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;

export function generateTree(root, totalBytes, seed = 42) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chars = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const words = ['user', 'token', 'request', 'response', 'secret', 'password', 'config', 'client', 'session', 'handler', 'value', 'apiKey', 'result', 'buffer', 'auth', 'service', 'private', 'account'];
  const ident = () => pick(words) + pick(['', 'Id', 'Name', 'Count', 'Store', 'Map', '_list']);
  const lineMakers = [
    () => `  const ${ident()} = await ${ident()}.get${pick(['Token', 'Secret', 'Value', 'Key'])}(${ident()});`,
    () => `  if (${ident()} === undefined) throw new Error('missing ${ident()}: set it in the config');`,
    () => `  // ${pick(words)} ${pick(words)} ${pick(words)}: refresh the token before it expires`,
    () => `    ${ident()}: process.env.${pick(['API_TOKEN', 'DB_PASSWORD', 'CLIENT_SECRET'])},`,
    () => `  "integrity": "sha512-${chars(B64, 86)}==",`,
    () => `  checksum = "${chars(HEX, 64)}"`,
    () => `  url = "https://api.example.com/v1/${pick(words)}/${chars(HEX, 8)}?page=${Math.floor(rand() * 100)}"`,
    () => `  data = "${chars(B64, 76)}"`,
    () => `def ${ident()}(self, ${ident()}, token=None):`,
    () => `    password = getpass.getpass("Password: ")`,
    () => `func (s *Server) ${ident()}(ctx context.Context) (string, error) { return s.token, nil }`,
    () => `  private final String ${ident()} = "${pick(words)}-${pick(words)}";`,
    () => `export ${pick(['TOKEN_TTL', 'SECRET_NAME', 'KEY_PATH'])}=${Math.floor(rand() * 99999)}`,
    () => `  <add key="${ident()}" value="${pick(words)}" />`,
    () => `resource "aws_iam_user" "${ident()}" { name = "${pick(words)}" }`,
  ];
  const extensions = ['ts', 'js', 'py', 'go', 'java', 'sh', 'tf', 'yml', 'xml'];
  let written = 0;
  let fileIndex = 0;
  while (written < totalBytes) {
    const dir = join(root, `pkg${fileIndex % 97}`, `mod${fileIndex % 13}`);
    mkdirSync(dir, { recursive: true });
    const lines = [];
    let size = 0;
    const target = 8_000 + Math.floor(rand() * 60_000);
    while (size < target) {
      const line = pick(lineMakers)();
      lines.push(line);
      size += line.length + 1;
    }
    if (fileIndex % 50 === 0) lines.splice(Math.floor(rand() * lines.length), 0, `SLACK_WEBHOOK = "https://hooks.slack.com/services/T${chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)}/B${chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10)}/${chars(ALNUM, 24)}"`);
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(dir, `file${fileIndex}.${extensions[fileIndex % extensions.length]}`), text);
    written += text.length;
    fileIndex++;
  }
  return { files: fileIndex, bytes: written };
}
