// How many bytes of webhook bodies the web process holds at once. Each delivery reserves its
// Content-Length before a byte is read and gives it back when answered; a delivery that would pass
// the budget is refused (503, Retry-After) instead of growing the heap until the process dies.

export class BodyBudget {
  #inFlight = 0;

  constructor(readonly limitBytes: number) {}

  /** Reserves `bytes`; false (nothing reserved) when that would pass the budget. */
  tryReserve(bytes: number): boolean {
    if (this.#inFlight + bytes > this.limitBytes) return false;
    this.#inFlight += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#inFlight = Math.max(0, this.#inFlight - bytes);
  }

  get inFlightBytes(): number {
    return this.#inFlight;
  }
}
