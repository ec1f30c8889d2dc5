// A JSON document too large to hold as one string (a report of 50,000 findings), written in pieces.

/** Array items per chunk: a few hundred kB of text. */
const ITEMS_PER_CHUNK = 500;

/**
 * JSON.stringify(document, null, 2) + '\n', byte for byte, in chunks: `skeleton` is the document with
 * the string `marker` where one array goes, and that array's items are stringified a chunk at a time
 * (`toJson` builds each item's JSON value only then). `marker` must occur nowhere else in the skeleton.
 */
export function* jsonInChunks<T>(skeleton: unknown, marker: string, items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const head = text.slice(0, at);
  const tail = text.slice(at + quoted.length);
  if (items.length === 0) {
    yield `${head}[]${tail}\n`;
    return;
  }
  // The array's items sit one level deeper than the line its key is on.
  const keyIndent = /^ */.exec(text.slice(text.lastIndexOf('\n', at) + 1))![0];
  const itemBreak = `\n${keyIndent}  `;
  yield `${head}[${itemBreak}`;
  for (let i = 0; i < items.length; i += ITEMS_PER_CHUNK) {
    const pieces = items.slice(i, i + ITEMS_PER_CHUNK).map((item) => JSON.stringify(toJson(item), null, 2).replaceAll('\n', itemBreak));
    yield `${i === 0 ? '' : `,${itemBreak}`}${pieces.join(`,${itemBreak}`)}`;
  }
  yield `\n${keyIndent}]${tail}\n`;
}
