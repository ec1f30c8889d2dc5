// Offsets to 1-based line/column. Line starts are found only as far as the offsets asked for: most
// texts have no finding and never pay, and a finding near the top of a 9 MB bundle does not pay
// for the whole file (on installed npm packages, indexing whole files took ~10 ms of a scan).
import { stringView, type TextView } from './text-view.js';

export interface Position {
  line: number;
  column: number;
}

type LineSource = Pick<TextView, 'length' | 'slice' | 'newlineFrom'>;

export class LineIndex {
  readonly #view: LineSource;
  /** Offsets where lines start, in order, as far as found. */
  readonly #starts = [0];
  /** Whether every line start is in #starts. */
  #complete = false;

  constructor(source: string | LineSource) {
    this.#view = typeof source === 'string' ? stringView(source) : source;
  }

  /** Finds line starts until one lies beyond `offset`, or the text ends. */
  #extendPast(offset: number): void {
    const starts = this.#starts;
    while (!this.#complete && starts[starts.length - 1]! <= offset) this.#findNext();
  }

  /** Finds line starts until `count` are known, or the text ends. */
  #extendTo(count: number): void {
    while (!this.#complete && this.#starts.length < count) this.#findNext();
  }

  #findNext(): void {
    const newline = this.#view.newlineFrom(this.#starts[this.#starts.length - 1]!);
    if (newline === -1) this.#complete = true;
    else this.#starts.push(newline + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): Position {
    this.#extendPast(offset);
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  /** The text of a 1-based line, without its newline. */
  lineText(line: number): string {
    this.#extendTo(line + 1);
    const length = this.#view.length;
    const start = this.#starts[line - 1] ?? length;
    const next = this.#starts[line];
    const end = next === undefined ? length : next - 1;
    return this.#view.slice(start, end);
  }
}
