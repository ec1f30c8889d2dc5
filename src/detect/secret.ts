// A found credential, wrapped so that it cannot leak by accident: JSON, string conversion and
// util.inspect (console.log, pino) all see only the redacted form. Call reveal() where the raw
// value is truly needed (verification against the provider's own endpoint).
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';

/** Below this length a value is shown as stars only: its last 4 characters would be too much of it. */
const MIN_SHOWN_LENGTH = 12;

/**
 * The one redacted form of a secret: the longest of `prefixes` it starts with (a rule's declared,
 * fixed provider prefixes, e.g. 'ghp_': public knowledge, see Rule.prefixes), then its last 4
 * characters and its length. Without a declared prefix, nothing of its start is shown: a passphrase's
 * first characters are as secret as the rest.
 */
export function redact(secret: string, prefixes: readonly string[] = []): string {
  const len = secret.length;
  if (len < MIN_SHOWN_LENGTH) return `${'*'.repeat(Math.min(len, 8))} (${len} chars)`;
  return `${declaredPrefix(secret, prefixes)}…${secret.slice(-4)} (${len} chars)`;
}

/** The longest declared prefix `secret` starts with, leaving at least 8 characters unshown; '' when none. */
export function declaredPrefix(secret: string, prefixes: readonly string[]): string {
  let shown = '';
  for (const prefix of prefixes) {
    if (prefix.length > shown.length && secret.startsWith(prefix) && secret.length - prefix.length - 4 >= 8) shown = prefix;
  }
  return shown;
}

/** A stable, non-reversible id for (rule, secret): what baselines, incidents and jobs refer to. */
export function fingerprint(ruleId: string, secret: string): string {
  // The first 16 bytes as hex: a flat 32-character string, where slicing the 64-character digest kept it alive.
  return createHash('sha256').update(`leakstop:v1:${ruleId}:`).update(secret).digest().toString('hex', 0, 16);
}

/** How a secret travels where it must not be stored in clear (report job data): its redacted form only. */
export interface RedactedForm {
  redacted: string;
  length: number;
}

export class Secret {
  readonly #value: string | undefined;
  readonly redacted: string;
  readonly length: number;
  /** The declared provider prefix its redacted form shows ('' when none): public, so it may cross threads. */
  readonly prefix: string;

  /**
   * A found credential, shown with the longest of `prefixes` (its rule's declared provider prefixes)
   * it starts with, or (from a RedactedForm) one known only by its redacted form, which cannot be revealed.
   */
  constructor(value: string | RedactedForm, prefixes: readonly string[] = []) {
    if (typeof value === 'string') {
      this.#value = value;
      this.prefix = value.length < MIN_SHOWN_LENGTH ? '' : declaredPrefix(value, prefixes);
      this.redacted = redact(value, prefixes);
      this.length = value.length;
    } else {
      this.#value = undefined;
      this.prefix = '';
      this.redacted = value.redacted;
      this.length = value.length;
    }
  }

  /** The raw credential. Only for the provider's own endpoint; never log or store the result. */
  reveal(): string {
    if (this.#value === undefined) throw new Error('this secret was carried in redacted form only and cannot be revealed');
    return this.#value;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [inspect.custom](): string {
    return `Secret(${this.redacted})`;
  }
}
