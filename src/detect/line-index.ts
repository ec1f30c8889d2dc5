// Offsets to 1-based line/column, built lazily: most texts have no finding and never pay for it.
import { stringView, type TextView } from './text-view.js';

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #view: Pick<TextView, 'length' | 'slice' | 'newlineFrom'>;
  #starts: number[] | undefined;

  constructor(source: string | Pick<TextView, 'length' | 'slice' | 'newlineFrom'>) {
    this.#view = typeof source === 'string' ? stringView(source) : source;
  }

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    for (let i = this.#view.newlineFrom(0); i !== -1; i = this.#view.newlineFrom(i + 1)) starts.push(i + 1);
    this.#starts = starts;
    return starts;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): Position {
    const starts = this.#lineStarts();
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
    const starts = this.#lineStarts();
    const length = this.#view.length;
    const start = starts[line - 1] ?? length;
    const next = starts[line];
    const end = next === undefined ? length : next - 1;
    return this.#view.slice(start, end);
  }
}
