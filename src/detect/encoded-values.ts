// Where a text carries base64 values that the engine decodes and scans (engine.ts, scanEncoded):
// only values in structures that say they are base64 credentials, found from keyword hits of the
// same one-pass prefilter the rules use.
// - a Kubernetes Secret (`kind: Secret`, YAML or JSON): the values of its `data:` mapping;
// - a Docker config: `"auth": "<base64 user:password>"`;
// - a kubeconfig: `client-key-data: <base64 PEM>`;
// - values that say what they decode to by how they start: base64 of `-----BEGIN` (a PEM key in
//   `tls.key`, `ssh-privatekey`, a Helm value...) and of `{"auths"` (a `.dockerconfigjson`).
// Everything is read in bounded slices around a hit, and a region once read is not read again for
// a later hit, so a file of a million `kind: Secret` lines costs a few passes over it, not a
// million. Values stay in the view's offsets, so that a finding in decoded text points at its value.
import type { TextView } from './text-view.js';

/** A base64 value to decode, [start, end) in the scanned text's offsets. */
export interface EncodedValue {
  start: number;
  end: number;
  /** The base64 text, as written (without quotes). */
  base64: string;
  /** Where it was found, for people and for the finding's details: 'Kubernetes Secret data', ... */
  structure: string;
  /** Its key ('password', 'tls.key', 'auth'), or undefined for a value recognised by how it starts. */
  key: string | undefined;
}

export type TriggerKind = 'secret-kind' | 'docker-auth' | 'kubeconfig-key' | 'base64-pem' | 'base64-dockerconfig';

/** The keywords that start a reader (case-sensitive), added to the engine's prefilter. */
export const DECODE_TRIGGERS: ReadonlyArray<{ text: string; kind: TriggerKind }> = [
  // Not `kind: Secret`: the prefilter anchors that on 'd: ', in every other line of code, which cost
  // the benchmark 4%. `Secret` anchors on 'ecr', which the generic rule's `secret` already has; the
  // few `Secret` hits are checked for a `kind:` before them (secretKindAt).
  { text: 'Secret', kind: 'secret-kind' },
  { text: '"auth"', kind: 'docker-auth' },
  { text: 'client-key-data', kind: 'kubeconfig-key' },
  // base64 of '-----BEGIN' and of '{"auths"' at the start of a value (3-byte aligned).
  { text: 'LS0tLS1CRUdJTi', kind: 'base64-pem' },
  { text: 'eyJhdXRocyI', kind: 'base64-dockerconfig' },
];

/** Longest base64 value decoded (encoded length): a Secret's certificate bundle fits; a disk image does not. */
export const MAX_ENCODED_VALUE = 1024 * 1024;
/** How far around a hit a structure is read. */
const REGION = 256 * 1024;
/** A JSON Secret's `data` object is looked for this close to its `"kind"`. */
const JSON_REACH = 16 * 1024;

/** A character that would make a hit the middle of a longer base64 run. */
const BASE64_CHAR = /[A-Za-z0-9+/]/;
const NOT_BASE64_BODY = /[^A-Za-z0-9+/]/;
/** What precedes a value after its key: at most this long. */
const LEAD_REACH = 64;
const DOCKER_AUTH = /"auth"[ \t]{0,16}:[ \t]{0,16}"/y;
const KUBECONFIG_KEY = /client-key-data"?[ \t]{0,16}:[ \t]{0,16}["']?/y;
const YAML_DATA_KEY = /^data:[ \t]*(?:#.*)?$/;
const YAML_ENTRY = new RegExp(String.raw`^([A-Za-z0-9._-]{1,253}):[ \t]+(["']?)([A-Za-z0-9+/]{4,${MAX_ENCODED_VALUE}}={0,2})\2[ \t]*(?:#.*)?$`);
const JSON_DATA_OBJECT = /"data"[ \t\r\n]{0,64}:[ \t\r\n]{0,64}\{/g;
const JSON_ENTRY = new RegExp(String.raw`[ \t\r\n]{0,256}"([A-Za-z0-9._-]{1,253})"[ \t\r\n]{0,64}:[ \t\r\n]{0,64}"([A-Za-z0-9+/]{0,${MAX_ENCODED_VALUE}}={0,2})"`, 'y');
const JSON_SEPARATOR = /[ \t\r\n]{0,256},?/y;

/**
 * The encoded values that `hits` (offsets of DECODE_TRIGGERS keywords, ascending, with their kind)
 * point at, each once, in no particular order.
 */
export function findEncodedValues(view: TextView, hits: ReadonlyArray<{ offset: number; kind: TriggerKind }>): EncodedValue[] {
  const values = new Map<number, EncodedValue>();
  const add = (value: EncodedValue): void => {
    if (!values.has(value.start)) values.set(value.start, value);
  };
  // Per reader: how far its structures were read, so that later hits inside them are skipped.
  const readUntil = { yaml: 0, json: 0 };
  for (const { offset, kind } of hits) {
    switch (kind) {
      case 'secret-kind': {
        const kindAt = secretKindAt(view, offset);
        if (kindAt?.form === 'yaml' && kindAt.offset >= readUntil.yaml) readUntil.yaml = readYamlSecret(view, kindAt.offset, readUntil.yaml, add);
        if (kindAt?.form === 'json' && offset >= readUntil.json) readUntil.json = readJsonSecret(view, offset, readUntil.json, add);
        break;
      }
      case 'docker-auth':
        readSticky(view, offset, DOCKER_AUTH, 'Docker config auths', 'auth', add);
        break;
      case 'kubeconfig-key':
        readSticky(view, offset, KUBECONFIG_KEY, 'kubeconfig', 'client-key-data', add);
        break;
      case 'base64-pem':
        readBase64Start(view, offset, 'base64 PEM', add);
        break;
      case 'base64-dockerconfig':
        readBase64Start(view, offset, 'base64 Docker config', add);
        break;
    }
  }
  return [...values.values()];
}

const YAML_KIND_BEFORE = /(?:^|[^\w"'-])kind: ["']?$/;
const JSON_KIND_BEFORE = /"kind"[ \t]?:[ \t]?"$/;

/** Whether `Secret` at `offset` is the value of a `kind` key, and where that key starts (for YAML). */
function secretKindAt(view: TextView, offset: number): { form: 'yaml' | 'json'; offset: number } | undefined {
  const before = view.slice(Math.max(0, offset - 11), offset);
  const yaml = YAML_KIND_BEFORE.exec(before);
  if (yaml) return { form: 'yaml', offset: offset - yaml[0].length + yaml[0].indexOf('kind') };
  return JSON_KIND_BEFORE.test(before) ? { form: 'json', offset } : undefined;
}

/**
 * `key: "value"` at the hit: `lead` matches up to the value's first character, read from a short
 * slice; the value's run is then read as far as it goes (base64RunEnd), never a fixed large slice
 * per hit: 100,000 `"auth"` keys must not cost 100,000 slices of a megabyte.
 */
function readSticky(view: TextView, offset: number, lead: RegExp, structure: string, key: string, add: (value: EncodedValue) => void): void {
  lead.lastIndex = 0;
  const m = lead.exec(view.slice(offset, Math.min(view.length, offset + LEAD_REACH)));
  if (!m) return;
  const start = offset + m[0].length;
  const end = base64RunEnd(view, start);
  if (end - start < 4) return;
  // A quoted value ends at its quote: `"auth": "abc=x"` is not base64.
  const quote = m[0].at(-1);
  if ((quote === '"' || quote === "'") && view.slice(end, end + 1) !== quote) return;
  add({ start, end, base64: view.slice(start, end), structure, key });
}

/** A base64 run starting at the hit, if the hit starts it (not the middle of a longer value). */
function readBase64Start(view: TextView, offset: number, structure: string, add: (value: EncodedValue) => void): void {
  if (offset > 0 && BASE64_CHAR.test(view.slice(offset - 1, offset))) return;
  const end = base64RunEnd(view, offset);
  add({ start: offset, end, base64: view.slice(offset, end), structure, key: undefined });
}

/** Where the base64 run (and its padding) starting at `start` ends, read in growing slices, at most MAX_ENCODED_VALUE. */
function base64RunEnd(view: TextView, start: number): number {
  const limit = Math.min(view.length, start + MAX_ENCODED_VALUE);
  let chunk = 256;
  for (let at = start; at < limit; chunk *= 2) {
    const piece = view.slice(at, Math.min(limit, at + chunk));
    const m = NOT_BASE64_BODY.exec(piece);
    if (m) return padEnd(view, at + m.index);
    at += piece.length;
  }
  return padEnd(view, limit);
}

function padEnd(view: TextView, end: number): number {
  const pad = /^={0,2}/.exec(view.slice(end, end + 2))![0];
  return end + pad.length;
}

interface Line {
  /** Offset of the line's first character in the text. */
  start: number;
  text: string;
}

const SECRET_KIND = /^kind: (["']?)Secret\1[ \t]*(?:#|\r|\n|$)/;

/**
 * A YAML `kind: Secret` hit: the mapping it is a key of (the lines indented at least as far, and
 * the `- ` line a list item starts with), and in it the `data:` key's entries. Returns how far the
 * mapping was read: lines before the hit are read back to `floor` at most, lines after it one at a
 * time to the mapping's end.
 */
function readYamlSecret(view: TextView, offset: number, floor: number, add: (value: EncodedValue) => void): number {
  const backStart = Math.max(floor, offset - REGION);
  const back = view.slice(backStart, offset);
  const lineStart = backStart + back.lastIndexOf('\n') + 1;
  const lead = view.slice(lineStart, offset);
  // `kind: Secret` is a key of a mapping only at the start of its line (after indentation or `- `).
  if (!/^[ ]*(?:- +)*$/.test(lead) || !SECRET_KIND.test(view.slice(offset, offset + 32))) return offset + 1;
  const column = offset - lineStart;
  // A `- kind: Secret` line starts its list item: the lines before it belong to another.
  const startsItem = lead.includes('-');
  const lines = [...(startsItem ? [] : linesBefore(back, backStart, lineStart, column)), ...linesFrom(view, lineStart, column)];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (keyColumn(line.text) !== column || !YAML_DATA_KEY.test(line.text.slice(column).trimEnd())) continue;
    i = readYamlEntries(lines, i + 1, column, add) - 1;
  }
  const last = lines[lines.length - 1]!;
  return Math.max(offset + 1, last.start + last.text.length);
}

/** The entries of a `data:` mapping from lines[from]; returns the index of the first line after it. */
function readYamlEntries(lines: readonly Line[], from: number, parentColumn: number, add: (value: EncodedValue) => void): number {
  let entryIndent = -1;
  let i = from;
  for (; i < lines.length; i++) {
    const { text, start } = lines[i]!;
    if (isBlankOrComment(text)) continue;
    const indent = indentation(text);
    if (indent <= parentColumn) break;
    if (entryIndent === -1) entryIndent = indent;
    if (indent !== entryIndent) continue;
    const m = YAML_ENTRY.exec(text.slice(indent).trimEnd());
    if (!m) continue;
    const key = m[1]!;
    const base64 = m[3]!;
    const afterColon = indent + key.length + 1;
    const at = start + afterColon + text.slice(afterColon).search(/[^ \t"']/);
    add({ start: at, end: at + base64.length, base64, structure: 'Kubernetes Secret data', key });
  }
  return i;
}

/**
 * The mapping's lines before the hit's line, back to where it starts: `back` is the text from
 * `backStart` up to the hit. The `- ` line that starts a list item belongs to it; any other line
 * indented less than `column` ends it.
 */
function linesBefore(back: string, backStart: number, lineStart: number, column: number): Line[] {
  const lines: Line[] = [];
  let start = lineStart - backStart;
  while (start > 0) {
    // start - 1 is the '\n' that ends the previous line; lastIndexOf(-1) would read position 0.
    const previousStart = start >= 2 ? back.lastIndexOf('\n', start - 2) + 1 : 0;
    const text = back.slice(previousStart, start - 1).replace(/\r$/, '');
    if (isDocumentMarker(text)) break;
    if (!isBlankOrComment(text) && indentation(text) < column) {
      if (keyColumn(text) === column && text.trimStart().startsWith('-')) lines.push({ start: backStart + previousStart, text });
      break;
    }
    lines.push({ start: backStart + previousStart, text });
    start = previousStart;
  }
  return lines.reverse();
}

/** The hit's line and the mapping's lines after it, read one at a time until one is indented less. */
function linesFrom(view: TextView, lineStart: number, column: number): Line[] {
  const lines: Line[] = [];
  let at = lineStart;
  while (at < view.length) {
    const newline = view.newlineFrom(at);
    const end = newline === -1 ? view.length : newline;
    const text = view.slice(at, end).replace(/\r$/, '');
    if (lines.length > 0 && (isDocumentMarker(text) || (!isBlankOrComment(text) && indentation(text) < column))) break;
    lines.push({ start: at, text });
    if (newline === -1) break;
    at = newline + 1;
  }
  return lines;
}

/** The column a line's key starts at, after indentation and any `- ` list markers. */
function keyColumn(text: string): number {
  const m = /^[ ]*(?:- +)*/.exec(text)!;
  return m[0].length;
}

function indentation(text: string): number {
  return /^[ ]*/.exec(text)![0].length;
}

function isBlankOrComment(text: string): boolean {
  return /^[ \t]*(?:#.*)?\r?$/.test(text);
}

function isDocumentMarker(text: string): boolean {
  return /^(?:---|\.\.\.)(?:[ \t]|\r?$)/.test(text);
}

/**
 * A JSON `"kind": "Secret"` hit: the flat `"data": { "key": "base64", ... }` objects near it (kubectl
 * writes `data` before `kind`). Returns how far was read.
 */
function readJsonSecret(view: TextView, offset: number, floor: number, add: (value: EncodedValue) => void): number {
  const regionStart = Math.max(floor, offset - JSON_REACH);
  const region = view.slice(regionStart, Math.min(view.length, offset + JSON_REACH));
  let readTo = offset + 1 - regionStart;
  JSON_DATA_OBJECT.lastIndex = 0;
  for (let m = JSON_DATA_OBJECT.exec(region); m !== null; m = JSON_DATA_OBJECT.exec(region)) {
    let at = m.index + m[0].length;
    for (;;) {
      JSON_ENTRY.lastIndex = at;
      const entry = JSON_ENTRY.exec(region);
      if (!entry) break;
      const base64 = entry[2]!;
      const valueEnd = JSON_ENTRY.lastIndex - 1;
      if (base64.length >= 4) add({ start: regionStart + valueEnd - base64.length, end: regionStart + valueEnd, base64, structure: 'Kubernetes Secret data', key: entry[1]! });
      JSON_SEPARATOR.lastIndex = JSON_ENTRY.lastIndex;
      JSON_SEPARATOR.exec(region);
      at = JSON_SEPARATOR.lastIndex;
    }
    readTo = Math.max(readTo, at);
    JSON_DATA_OBJECT.lastIndex = Math.max(JSON_DATA_OBJECT.lastIndex, at);
  }
  return regionStart + readTo;
}
