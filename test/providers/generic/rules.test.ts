// The generic rule's keywords (token, secret, password…) are everywhere in ordinary code: these tests
// show it stays quiet on such code and reports only the value when it does fire.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { generic } from '../../../src/providers/generic/rules.js';
import { sendgrid } from '../../../src/providers/sendgrid/rules.js';

const engine = createEngine({ providers: [generic] });

/** A lexer, an OAuth client and their tests: the places `token` is said most often. */
const TOKEN_HEAVY_SOURCE = `
import { createHash, randomBytes } from 'node:crypto';
import type { Token, TokenFlags, TokenKind } from '../token-kind.js';
import { TokenError, InvalidTokenError } from '../errors.js';

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  token_type: 'Bearer';
  expires_in: number;
}

const TOKEN_TTL_SECONDS = 3600;
const TOKEN_PATTERN = /^ghp_[A-Za-z0-9]{36}$/;
const tokenCache = new Map<string, TokenResponse>();
const MAX_TOKENS_PER_LINE = 4096;

export class Tokenizer {
  private tokens: Token[] = [];
  private tokenStart = 0;
  private tokenFlags: TokenFlags = 0;
  private currentToken: Token | undefined;
  private previousToken2: Token | undefined;

  nextToken(): Token {
    const token = this.scanToken();
    this.previousToken2 = this.currentToken;
    this.currentToken = token;
    this.tokens.push(token);
    return token;
  }

  reScanGreaterToken(token: Token): Token {
    if (token.kind === TokenKind.GreaterThanToken) token = this.scanner.reScanGreaterToken();
    return token;
  }

  parseExpected(kind: TokenKind): boolean {
    const token = this.currentToken ?? this.nextToken();
    if (token.kind !== kind) throw new InvalidTokenError(\`expected \${kind}, got token \${token.kind}\`);
    this.tokenStart = token.end;
    return true;
  }

  isStartOfStatement(token: Token): boolean {
    switch (token.kind) {
      case TokenKind.OpenBraceToken:
      case TokenKind.SemicolonToken:
      case TokenKind.AtToken:
        return true;
      default:
        return token.flags === this.tokenFlags;
    }
  }

  tokenText(token: Token): string {
    return this.source.slice(token.pos, token.end);
  }
}

export async function getAccessToken(req: Request, config: Config): Promise<string> {
  const cached = tokenCache.get(config.clientId);
  if (cached) return cached.access_token;
  const refreshToken = req.cookies['refresh_token'];
  const tokenUrl = 'https://login.contoso.com/oauth2/v2.0/token';
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: config.clientId,
    client_secret: config.clientSecret,
  });
  const response = await fetch(tokenUrl, { method: 'POST', body });
  const tokenResponse = (await response.json()) as TokenResponse;
  if (tokenResponse.token_type !== 'Bearer') {
    throw new TokenError(\`unsupported token type \${tokenResponse.token_type}\`);
  }
  tokenCache.set(config.clientId, tokenResponse);
  return tokenResponse.access_token;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  const csrfToken = randomBytes(32).toString('base64url');
  return csrfToken;
}

export function authorizationHeader(token: string): Record<string, string> {
  if (!TOKEN_PATTERN.test(token)) throw new InvalidTokenError('token does not look like a token');
  return { authorization: \`Bearer \${token}\` };
}

export const defaults = {
  token: process.env.GITHUB_TOKEN_FOR_RELEASES,
  apiToken: config.get<string>('integrations.slack.apiToken'),
  password: options.password ?? prompt('Password: '),
  secretName: 'prod/payments/stripe-secret-key-v2',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  nextPageToken: response.nextPageToken2 ?? undefined,
  tokenizer: 'bert-base-multilingual-cased-v2',
  maxTokens: MAX_TOKENS_PER_LINE,
};

export class TokenStore {
  constructor(private readonly db: Database) {}

  async saveToken(userId: string, token: TokenResponse): Promise<void> {
    await this.db.query(
      'INSERT INTO oauth_tokens (user_id, access_token_hash, refresh_token_hash, token_expires_at) VALUES ($1, $2, $3, $4)',
      [userId, hashToken(token.access_token), token.refresh_token && hashToken(token.refresh_token), expiresAt(token)],
    );
  }

  async findTokenByHash(tokenHash: string): Promise<StoredToken | undefined> {
    const rows = await this.db.query<StoredToken>('SELECT * FROM oauth_tokens WHERE access_token_hash = $1', [tokenHash]);
    return rows[0];
  }

  async revokeToken(token: StoredToken, reason: TokenRevocationReason): Promise<void> {
    await this.db.query('UPDATE oauth_tokens SET revoked_at = now(), revoke_reason = $2 WHERE id = $1', [token.id, reason]);
    this.events.emit('token-revoked', { tokenId: token.id, reason });
  }

  async rotateRefreshToken(oldToken: StoredToken): Promise<TokenResponse> {
    const newToken = await this.issuer.issueToken(oldToken.userId, { scope: oldToken.scope });
    await this.revokeToken(oldToken, 'rotated');
    await this.saveToken(oldToken.userId, newToken);
    return newToken;
  }
}

export function tokenize(source: string): Token[] {
  const tokenizer = new Tokenizer(source);
  const tokens: Token[] = [];
  for (let token = tokenizer.nextToken(); token.kind !== TokenKind.EndOfFileToken; token = tokenizer.nextToken()) {
    if (token.kind === TokenKind.WhitespaceTrivia) continue;
    tokens.push(token);
  }
  return tokens;
}

describe('getAccessToken', () => {
  it('reuses a cached token', async () => {
    const token = await getAccessToken(request, config);
    expect(token).toEqual(expectedTokenFixture1);
    expect(tokenCache.get(config.clientId)?.access_token).toBe(token);
  });

  it('rejects an unknown token type', async () => {
    mockTokenResponse({ token_type: 'MAC', access_token: 'token' });
    await expect(getAccessToken(request, config)).rejects.toThrow(TokenError);
  });

  it('hashes the token, not the token response', () => {
    const tokenHash = hashToken('token-value');
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const idToken = jwt.decode(tokenResponse.id_token);
    cancellationToken.throwIfCancellationRequested();
  });
});
`;

describe('generic rule on ordinary code', () => {
  it('says `token` over 200 times in the sample source', () => {
    expect(TOKEN_HEAVY_SOURCE.match(/token/gi)?.length ?? 0).toBeGreaterThan(200);
  });

  it('finds nothing in a lexer and an OAuth client full of `token`', () => {
    // Repeated so that keyword windows overlap and merge, as in a large file.
    const findings = engine.scanText(TOKEN_HEAVY_SOURCE.repeat(3)).findings;
    expect(findings.map((f) => `${f.line}: ${f.secret.redacted}`)).toEqual([]);
  });

  it("finds nothing in TypeScript's own compiler", () => {
    const require = createRequire(import.meta.url);
    const compiler = readFileSync(require.resolve('typescript/lib/typescript.js'), 'utf8');
    expect(compiler.length).toBeGreaterThan(1_000_000);
    expect(engine.scanText(compiler).findings.map((f) => `${f.line}: ${f.secret.redacted}`)).toEqual([]);
  });
});

describe('generic rule findings', () => {
  it('reports only the value as the secret, at its position', () => {
    const value = 'Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS';
    const [finding, ...rest] = engine.scanText(`# payments\nPAYMENTS_API_KEY="${value}"\n`).findings;
    expect(rest).toEqual([]);
    expect(finding?.secret.reveal()).toBe(value);
    expect(finding).toMatchObject({ ruleId: 'generic-secret', severity: 'medium', confidence: 'entropy', line: 2, column: 19 });
  });

  it('finds each assignment in a .env file', () => {
    const env = [
      'NODE_ENV=production',
      'SESSION_SECRET=ZxOgjn2n5adbOKCyvg4i1TWI7OQpvGtf',
      'SESSION_SECRET_LENGTH=32',
      'DB_PASSWORD=1BZNdlVom60QFTSamHy6np5k93PeRHMt',
      'DB_PASSWORD_FILE=/run/secrets/db-password',
      'API_TOKEN=',
    ].join('\n');
    expect(engine.scanText(env).findings.map((f) => f.line)).toEqual([2, 4]);
  });

  it('yields to a provider rule that recognises the same value', () => {
    const both = createEngine({ providers: [sendgrid, generic] });
    const line = 'EMAIL_API_KEY="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"';
    expect(both.scanText(line).findings.map((f) => f.ruleId)).toEqual(['sendgrid-api-key']);
  });
});

describe('generic rule, issue 11: what it used to miss', () => {
  const secretsIn = (text: string): string[] => engine.scanText(text).findings.map((f) => f.secret.reveal());

  it.each([
    ['a properties file', 'Password=#gets0m3', '#gets0m3'],
    ['PHP', '$password = "Kx9#mP2qz";', 'Kx9#mP2qz'],
    ['a comparison', 'if (password == "Zq7#kLm2x!") {', 'Zq7#kLm2x!'],
    ['a YAML key', 'db_pwd: Hv4%tR9qw', 'Hv4%tR9qw'],
  ])('reports a short password in %s', (_where, line, password) => {
    expect(secretsIn(line)).toEqual([password]);
  });

  it.each([
    ['a non-password name', 'token = "Kx9#mP2qz"'],
    ['two kinds of character', 'password = "kx9mp2qzt"'],
    ['an example password', 'password = "P@ssw0rd123!"'],
    ['an example password in leet', 'password: "Adm1n#2024"'],
    ['a type', 'function hash(password: Uint8Array | string): string'],
    ['too few characters', 'password = "Kx9#mP2"'],
  ])('ignores a short value: %s', (_why, line) => {
    expect(secretsIn(line)).toEqual([]);
  });

  it('reports a hex value assigned to a secret name: a key, not a digest', () => {
    expect(secretsIn('CLIENT_SECRET = "1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13"')).toEqual(['1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13']);
    expect(secretsIn("api_key: '402a2f5a2ea1e104988a5b2b6e41a17a'")).toEqual(['402a2f5a2ea1e104988a5b2b6e41a17a']);
  });

  it.each([
    ['a name that says digest', 'secret_sha1 = "1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13"'],
    ['a token name (commit SHAs and fixtures)', 'token = "1c9dbeaf3e72f3fceed211fe6358a695bf9f3e13"'],
    ['the digest of nothing', 'secret = "da39a3ee5e6b4b0d3255bfef95601890afd80709"'],
  ])('still ignores hex under %s', (_why, line) => {
    expect(secretsIn(line)).toEqual([]);
  });

  it.each([
    ['creds', 'creds = "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"'],
    ['credentials', 'credentials: "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"'],
    ['auth', 'auth = "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"'],
    ['user_auth', '"user_auth": "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS",'],
    ['basicAuth', "basicAuth: 'Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS',"],
  ])('reports a value named %s', (_name, line) => {
    expect(secretsIn(line)).toEqual(['Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS']);
  });

  it.each([
    'author: "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"',
    'OAuth: "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"',
    'authorization = "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS"',
    'Use OAuth 2.0 with PKCE for public clients',
  ])('ignores words that only contain auth: %s', (line) => {
    expect(secretsIn(line)).toEqual([]);
  });

  it.each([
    ['make ::=', 'API_TOKEN ::= Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS'],
    ['make :::=', 'API_TOKEN :::= Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS'],
    ['Java system properties', 'System.setProperty("X_TOKEN", "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS");'],
    ['PHP define', "define('DB_PASSWORD', 'Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS');"],
    ['Go os.Setenv', 'os.Setenv("API_SECRET", "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS")'],
    ['PHP .=', '$password .= "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS";'],
    ['an XML value on its own line', '<password>\n    Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS\n</password>'],
    ['an XML value with its end tag on the next line', '<apiToken>Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS\n</apiToken>'],
    ['a comparison', 'if (token === "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS") return true;'],
  ])('reports a value set with %s', (_syntax, line) => {
    expect(secretsIn(line)).toEqual(['Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS']);
  });

  it.each([
    ['any other call with two strings', 'i18n.t("reset_token", "Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS");'],
    ['an XML element that holds other elements', '<password>\n    Gxtd7zFL7HAX27K5uxIFXKBPJsERjVkS\n    <hint/>'],
  ])('ignores %s', (_what, line) => {
    expect(secretsIn(line)).toEqual([]);
  });

  it.each([
    ['a minified private-field chain', 'const o={webhookSecret:this.#e.webhookSecret,apiToken:this.#e.apiToken};'],
    ['a Rails authenticity token', '<input type="hidden" name="authenticity_token" value="Hq3kZ8vW2mLx9Rt4Pb7nYc5Jd0Fs6Ga1Ke8Uw2Vz4Xo=" />'],
    ['a form authenticity token in YAML', 'authenticity_token: "Hq3kZ8vW2mLx9Rt4Pb7nYc5Jd0Fs6Ga1Ke8Uw2Vz4Xo="'],
  ])('still ignores %s', (_what, line) => {
    expect(secretsIn(line)).toEqual([]);
  });
});

describe('generic rule: test-mode and public keys of other providers', () => {
  it.each([
    'DUFFEL_ACCESS_TOKEN=duffel_test_q3VhXk8TzR2mPwL9cYbN4dFsJ7eGtA1o',
    'EASYPOST_API_KEY=EZTK4b9e2c7a1f8d3e6b0a5c9d2e7f4a1b8c3d6e0f',
    'FLW_SECRET_KEY=FLWSECK_TEST-7c2e9a4b1f8d3e6b0a5c9d2e7f4a1b8c-X',
    'SHIPPO_API_TOKEN=shippo_test_5e8b1c4f7a2d9e3b6c0f8a1d4e7b2c5f9a3d6e0b',
    'STYTCH_SECRET=secret-test-Qm8vX2kLp9RtY4wZ7nB3cF6hJ1sD5gA0eK=',
    'GOCARDLESS_ACCESS_TOKEN=sandbox_Xq7Lm2Vp9Rt4Yw8Zn3Bc6Fh1Sd5Ga0Ek',
    "mapboxgl.accessToken = 'pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImNsdDd4cTJ2bzBhYjIya3BqN2x2dDVzYzkifQ.Vq3Lm8Xk2Rt7Yw9Zn4Bc1F';",
  ])('does not report %s', (line) => {
    expect(engine.scanText(line).findings).toEqual([]);
  });
});
