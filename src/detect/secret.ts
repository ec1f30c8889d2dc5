// A found credential, wrapped so that it cannot leak by accident: JSON, string conversion and
// util.inspect (console.log, pino) all see only the redacted form. Call reveal() where the raw
// value is truly needed (verification against the provider's own endpoint).
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';

/** Prefix shown in a redacted value: up to 4 characters, or the token's type prefix if longer. */
const MAX_SHOWN_PREFIX = 12;

export function redact(secret: string): string {
  const len = secret.length;
  if (len < 12) return `${'*'.repeat(Math.min(len, 8))} (${len} chars)`;
  const prefix = typePrefix(secret) ?? secret.slice(0, 4);
  return `${prefix}…${secret.slice(-4)} (${len} chars)`;
}

/** The token's own type prefix ('ghp_', 'sk_live_', 'xoxb-'), which is public knowledge, if any. */
function typePrefix(secret: string): string | undefined {
  const m = /^[A-Za-z]{2,8}[_-](?:[A-Za-z]{2,8}[_-])?/.exec(secret);
  if (!m || m[0].length > MAX_SHOWN_PREFIX || m[0].length > secret.length / 3) return undefined;
  return m[0];
}

/** A stable, non-reversible id for (rule, secret): what baselines, incidents and jobs refer to. */
export function fingerprint(ruleId: string, secret: string): string {
  return createHash('sha256').update(`leakstop:v1:${ruleId}:`).update(secret).digest('hex').slice(0, 32);
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

  /** A found credential, or (from a RedactedForm) one known only by its redacted form, which cannot be revealed. */
  constructor(value: string | RedactedForm) {
    if (typeof value === 'string') {
      this.#value = value;
      this.redacted = redact(value);
      this.length = value.length;
    } else {
      this.#value = undefined;
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
