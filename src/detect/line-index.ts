// Offsets to 1-based line/column, built lazily: most texts have no finding and never pay for it.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #text: string;
  #starts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    for (let i = this.#text.indexOf('\n'); i !== -1; i = this.#text.indexOf('\n', i + 1)) starts.push(i + 1);
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
    const start = starts[line - 1] ?? this.#text.length;
    const next = starts[line];
    const end = next === undefined ? this.#text.length : next - 1;
    return this.#text.slice(start, end);
  }
}
