// Sealing a found secret for job data: BullMQ stores a job's data in clear text in Redis, so the
// scan worker seals the secret (AES-256-GCM under the operator's key) before queueing a response job,
// and the response worker unseals it. The finding's fingerprint, as AAD, ties a sealed value to its
// finding: pasted into another job, it does not open.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { z } from 'zod';
import { Secret } from '../detect/secret.js';
import { readUtf8, type ReadSecretFile } from '../providers/settings.js';
import { readAppPrivateKey, type AppPrivateKey } from '../config/app-private-key.js';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const GENERATE_HINT = 'generate one with `openssl rand -base64 32`';

/** Sealed strings longer than this are refused: a job payload, not a blob store (~15 KB of secret). */
export const MAX_SEALED_LENGTH = 20_480;

/** 'v1.<key id>.<iv>.<ciphertext and tag>', base64url without padding; bounded, so linear. */
const SEALED_PATTERN = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,20480})$/;

/** A sealed secret in a job schema: the shape only; whether it opens is unsealSecret's to say. */
export const sealedSecretSchema = z
  .string()
  .max(MAX_SEALED_LENGTH, { error: 'is too long for a sealed secret' })
  .regex(SEALED_PATTERN, { error: 'is not a sealed secret (v1.<key id>.<iv>.<ciphertext>)' });

export class SealKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealKeyError';
  }
}

/**
 * Why sealing or unsealing failed: the worker can tell a key change (fix the key, retry the job)
 * from damage or a misplaced value (retrying cannot help).
 */
export type SealFailure = 'too-long' | 'malformed' | 'key-changed' | 'not-authentic';

/** Sealing or unsealing failed. The message never holds the sealed text, the context or the secret. */
export class SealError extends Error {
  constructor(
    readonly reason: SealFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

/** Lets this module's functions reach a key's material while nothing outside can. */
let keyMaterial: (key: SealKey) => KeyObject;

/** The operator's sealing key; printing it (toString, toJSON, util.inspect) shows only its id. */
export class SealKey {
  readonly #key: KeyObject;
  /** 8 hex characters of the sha256 of the key: names the key in diagnostics, reveals nothing useful. */
  readonly id: string;

  static {
    keyMaterial = (key) => key.#key;
  }

  /** Prefer sealKeyFromEnv; `bytes` must be 32 bytes and is copied. */
  constructor(bytes: Buffer) {
    if (bytes.length !== KEY_BYTES) throw new SealKeyError(`a seal key must be ${KEY_BYTES} bytes, got ${bytes.length}: ${GENERATE_HINT}`);
    this.#key = createSecretKey(Buffer.from(bytes));
    this.id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  }

  toString(): string {
    return `SealKey(${this.id})`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export function sealKeyFromBytes(bytes: Buffer): SealKey {
  return new SealKey(bytes);
}


/** HKDF inputs for the key derived from the GitHub App private key; changing them changes every key. */
const DERIVE_SALT = 'leakstop';
const DERIVE_INFO = 'leakstop response seal v1';

/**
 * The key from LEAKSTOP_SEAL_KEY or LEAKSTOP_SEAL_KEY_FILE (base64 of exactly 32 bytes). When neither
 * is set, one derived from the GitHub App private key (PRIVATE_KEY or PRIVATE_KEY_PATH): every web
 * and worker process of one app holds it, so they agree without more configuration.
 */
export function sealKeyFromEnv(env: NodeJS.ProcessEnv, readFile: ReadSecretFile = readUtf8): SealKey {
  const configured = configuredKey(env, readFile);
  if (configured) return configured;
  const key = readAppPrivateKey(env, readFile);
  if (key === undefined) {
    throw new SealKeyError(
      `no key to seal secrets in job data: set LEAKSTOP_SEAL_KEY (or LEAKSTOP_SEAL_KEY_FILE) to the same 32 random bytes in base64 for every web and worker process (${GENERATE_HINT}), or set PRIVATE_KEY / PRIVATE_KEY_PATH to the GitHub App private key to derive one from it`,
    );
  }
  return deriveFromPrivateKey(key);
}

/** LEAKSTOP_SEAL_KEY or LEAKSTOP_SEAL_KEY_FILE, not both; an empty variable counts as unset. */
function configuredKey(env: NodeJS.ProcessEnv, readFile: ReadSecretFile): SealKey | undefined {
  const inline = env.LEAKSTOP_SEAL_KEY || undefined;
  const path = env.LEAKSTOP_SEAL_KEY_FILE || undefined;
  if (inline !== undefined && path !== undefined) {
    throw new SealKeyError('LEAKSTOP_SEAL_KEY and LEAKSTOP_SEAL_KEY_FILE are both set: keep only one (LEAKSTOP_SEAL_KEY_FILE is preferred)');
  }
  if (inline !== undefined) return keyFromBase64(inline.trim(), 'LEAKSTOP_SEAL_KEY');
  if (path === undefined) return undefined;
  return keyFromBase64(readVariableFile(path, 'LEAKSTOP_SEAL_KEY_FILE', readFile, 'a file holding only the base64 key').trim(), 'LEAKSTOP_SEAL_KEY_FILE');
}

/** Standard or URL-safe base64, padding optional: what `openssl rand -base64 32` and its kin print. */
const BASE64 = /^[A-Za-z0-9+/_-]{1,200}={0,2}$/;

function keyFromBase64(text: string, variable: string): SealKey {
  // Never echo the value: it is the key, or a typo of it.
  if (!BASE64.test(text)) throw new SealKeyError(`${variable} is not base64: set it to 32 random bytes in base64 (${GENERATE_HINT})`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== KEY_BYTES) {
    throw new SealKeyError(`${variable} holds ${bytes.length} bytes, not ${KEY_BYTES}: set it to 32 random bytes in base64 (${GENERATE_HINT})`);
  }
  return new SealKey(bytes);
}

function readVariableFile(path: string, variable: string, readFile: ReadSecretFile, expected: string): string {
  try {
    return readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new SealKeyError(`${variable} cannot be read (${reason}): set it to ${expected}`);
  }
}

/**
 * HKDF-SHA256 over the private key in one canonical form (PKCS#8 DER), so that the same key gives
 * the same seal key however a process was given it: the file, the PEM with `\n` escapes, its base64.
 */
function deriveFromPrivateKey(key: AppPrivateKey): SealKey {
  const unusable = `${key.variable} is not a readable PEM private key, so no seal key can be derived from it: fix it, or set LEAKSTOP_SEAL_KEY (${GENERATE_HINT})`;
  if ('problem' in key) throw new SealKeyError(key.kind === 'unreadable-file' ? key.problem : unusable);
  let der: Buffer;
  try {
    der = createPrivateKey(key.pem).export({ type: 'pkcs8', format: 'der' });
  } catch {
    // OpenSSL's message is left out: it adds nothing the operator can act on.
    throw new SealKeyError(unusable);
  }
  return new SealKey(Buffer.from(hkdfSync('sha256', der, DERIVE_SALT, DERIVE_INFO, KEY_BYTES)));
}

/**
 * Seals `secret` for job data: 'v1.<key id>.<iv>.<ciphertext and tag>', base64url. `context` (the
 * finding's fingerprint) is authenticated, not stored: unsealing needs the same context.
 */
export function sealSecret(key: SealKey, secret: Secret, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyMaterial(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret.reveal(), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const text = `${VERSION}.${key.id}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  if (text.length > MAX_SEALED_LENGTH) {
    throw new SealError('too-long', `a secret of ${secret.length} characters is too long to seal into job data (limit ${MAX_SEALED_LENGTH} characters sealed)`);
  }
  return text;
}

/** Opens what sealSecret sealed; throws SealError when the key, the context or the text differ. */
export function unsealSecret(key: SealKey, sealed: string, context: string): Secret {
  const parts = sealed.length <= MAX_SEALED_LENGTH ? SEALED_PATTERN.exec(sealed) : null;
  if (!parts) throw new SealError('malformed', 'the sealed secret is malformed (expected v1.<key id>.<iv>.<ciphertext>): the job data was damaged or written by another version');
  const [, keyId = '', ivText = '', bodyText = ''] = parts;
  if (keyId !== key.id) {
    throw new SealError(
      'key-changed',
      `the secret was sealed with key ${keyId} but this process has key ${key.id}: the seal key (LEAKSTOP_SEAL_KEY, or the GitHub App private key it is derived from) changed since the job was queued, or processes of one app have different keys; give every web and worker process the same key`,
    );
  }
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealError('malformed', 'the sealed secret is malformed (bad iv or ciphertext length): the job data was damaged');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyMaterial(key), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    const secret = new Secret(plain.toString('utf8'));
    plain.fill(0);
    return secret;
  } catch {
    throw new SealError(
      'not-authentic',
      `the sealed secret does not open with key ${key.id}: it was altered, or it belongs to another finding than this job's`,
    );
  }
}
