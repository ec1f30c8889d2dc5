// Which webhook deliveries Redis holds the work of, and which ones leakstop already asked GitHub to
// redeliver: what webhook reconciliation (webhooks/reconcile-deliveries.ts) compares GitHub's
// delivery list with. One short key per delivery (GUID), with a TTL: if Redis loses its data, it
// loses these records with the jobs, and reconciliation asks for both again.
import type { RedisClient } from './redis-connection.js';

export interface RedisDeliveryLogOptions {
  /** Key prefix; the queue prefix (e.g. `{leakstop}`) keeps every key in the queues' cluster slot. */
  prefix: string;
  /** How long a record is kept: longer than reconciliation looks back. */
  ttlMs: number;
}

/** MGET in slices: one command per 500 keys keeps each reply small. */
const LOOKUP_SLICE = 500;

export class RedisDeliveryLog {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #ttlMs: number;

  constructor(redis: RedisClient, options: RedisDeliveryLogOptions) {
    this.#redis = redis;
    this.#prefix = options.prefix;
    this.#ttlMs = options.ttlMs;
  }

  /** Records that the work of delivery `guid` is in Redis (or that it needed none). */
  async recordQueued(guid: string): Promise<void> {
    await this.#redis.set(this.#queuedKey(guid), '1', 'PX', this.#ttlMs);
  }

  /** The GUIDs of `guids` whose work Redis holds. */
  async queued(guids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < guids.length; start += LOOKUP_SLICE) {
      const slice = guids.slice(start, start + LOOKUP_SLICE);
      const values = await this.#redis.mget(...slice.map((guid) => this.#queuedKey(guid)));
      slice.forEach((guid, i) => {
        if (values[i] !== null) found.add(guid);
      });
    }
    return found;
  }

  /**
   * Claims the one redelivery of `guid`: true the first time, false ever after (within the TTL),
   * so a delivery GitHub failed to redeliver, or that is lost again, is never asked for twice.
   */
  async claimRedelivery(guid: string): Promise<boolean> {
    return (await this.#redis.set(this.#redeliveredKey(guid), '1', 'PX', this.#ttlMs, 'NX')) === 'OK';
  }

  /** Gives a claim back after GitHub did not take the redelivery, so the next run asks again. */
  async releaseRedelivery(guid: string): Promise<void> {
    await this.#redis.del(this.#redeliveredKey(guid));
  }

  #queuedKey(guid: string): string {
    return `${this.#prefix}:delivery:queued:${guid}`;
  }

  #redeliveredKey(guid: string): string {
    return `${this.#prefix}:delivery:redelivered:${guid}`;
  }
}
