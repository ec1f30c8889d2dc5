// A Java keystore (JKS, magic 0xFEEDFEED; JCEKS, 0xCECECECE), read without its password: the
// entries' kinds and aliases are in clear, the keys are not. Layout (sun.security.provider.
// JavaKeyStore): magic, version (1 or 2), entry count, then per entry a tag (1 private key, 2
// trusted certificate, 3 JCEKS secret key), the alias (u16 length + modified UTF-8), a timestamp
// (u64), and the entry's data, each part length-prefixed. Every length is checked against the
// bytes there are: a truncated or hostile file stops the reading, not the scan.

const MAGIC = { 0xfeedfeed: 'JKS', 0xcececece: 'JCEKS' } as const;
/** Aliases named in a finding's details at most. */
const ALIASES_SHOWN = 10;
/** Entries read at most; a count above it is reported as it is, unread. */
const MAX_ENTRIES = 10_000;

export interface JavaKeystore {
  format: 'JKS' | 'JCEKS';
  entries: number;
  privateKeys: number;
  trustedCertificates: number;
  secretKeys: number;
  aliases: string[];
  /** The entries could not all be read (truncated, a JCEKS secret key's serialized object, an unknown tag). */
  partly: boolean;
}

export function readJavaKeystore(bytes: Uint8Array): JavaKeystore | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const format = MAGIC[view.getUint32(0) as keyof typeof MAGIC];
  const version = view.getUint32(4);
  if (format === undefined || (version !== 1 && version !== 2)) return undefined;
  const store: JavaKeystore = { format, entries: view.getUint32(8), privateKeys: 0, trustedCertificates: 0, secretKeys: 0, aliases: [], partly: false };
  const reader = new Reader(view);
  reader.at = 12;
  for (let i = 0; i < Math.min(store.entries, MAX_ENTRIES); i++) {
    if (!readEntry(reader, version, store)) {
      store.partly = true;
      return store;
    }
  }
  if (store.entries > MAX_ENTRIES) store.partly = true;
  return store;
}

/** One entry; false when it cannot be read to its end. */
function readEntry(reader: Reader, version: number, store: JavaKeystore): boolean {
  const tag = reader.u32();
  const alias = reader.utf();
  if (tag === undefined || alias === undefined || !reader.skip(8)) return false;
  if (store.aliases.length < ALIASES_SHOWN) store.aliases.push(alias);
  if (tag === 1) {
    store.privateKeys++;
    if (!reader.skipSized()) return false;
    const chain = reader.u32();
    if (chain === undefined) return false;
    for (let c = 0; c < chain; c++) if (!readCertificate(reader, version)) return false;
    return true;
  }
  if (tag === 2) {
    store.trustedCertificates++;
    return readCertificate(reader, version);
  }
  // A JCEKS secret key is a serialized Java object, with no length to skip it by.
  if (tag === 3) store.secretKeys++;
  return false;
}

function readCertificate(reader: Reader, version: number): boolean {
  if (version === 2 && reader.utf() === undefined) return false;
  return reader.skipSized();
}

class Reader {
  at = 0;
  readonly #view: DataView;

  constructor(view: DataView) {
    this.#view = view;
  }

  u32(): number | undefined {
    if (this.at + 4 > this.#view.byteLength) return undefined;
    const value = this.#view.getUint32(this.at);
    this.at += 4;
    return value;
  }

  skip(count: number): boolean {
    if (this.at + count > this.#view.byteLength) return false;
    this.at += count;
    return true;
  }

  /** A u32 length and that many bytes. */
  skipSized(): boolean {
    const length = this.u32();
    return length !== undefined && this.skip(length);
  }

  /** Java's writeUTF: a u16 length and modified UTF-8 (as UTF-8, which it is for ordinary names). */
  utf(): string | undefined {
    if (this.at + 2 > this.#view.byteLength) return undefined;
    const length = this.#view.getUint16(this.at);
    const start = this.at + 2;
    if (start + length > this.#view.byteLength) return undefined;
    this.at = start + length;
    return Buffer.from(this.#view.buffer, this.#view.byteOffset + start, length).toString('utf8');
  }
}
