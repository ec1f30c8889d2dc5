// The detection engine: keyword prefilter → each rule's regex in its keyword windows → shared
// placeholder and entropy checks → the rule's offline validation → provider pairing → inline
// allow comments. Pure: text (or a file's UTF-8 bytes) in, findings out; no I/O.
//
// A file's bytes are scanned without decoding them as UTF-8 (scanUtf8): the prefilter runs on the
// bytes, a file without a keyword is done, and in a file with one the rules read windows of the
// bytes as latin1 (one char per byte, a copy rather than a decode; text-view.ts), so that string
// offsets are byte offsets. Every pattern and keyword is ASCII, and a multi-byte UTF-8 character is
// bytes >= 0x80, none of which an ASCII class matches, so the regexes find what they find in the
// decoded text. What a match contains beyond ASCII (a database password with an accent) is decoded
// from its bytes before any check sees it, and columns are counted in decoded characters.
import type { Finding } from './finding.js';
import { anchorKey, buildKeywordIndex, type KeywordHits, type KeywordSpec } from './keyword-index.js';
import { placeholderReason } from './placeholder.js';
import { shannonEntropy } from './entropy.js';
import { fingerprint, Secret } from './secret.js';
import { CONTEXT_BEFORE, type Candidate, type PatternMatch, type PatternRunner, type ProviderDefinition, type RawFinding, type Rule } from './rule.js';
import { createFindingPlacer } from './place-findings.js';
import { bytesView, decodeLatin1, stringView, type TextView } from './text-view.js';
import { DECODE_TRIGGERS, findEncodedValues, type EncodedValue, type TriggerKind } from './encoded-values.js';
import { decodeEncodedValue } from './decode-encoded-value.js';
import { keyMaterialFindings } from './key-material.js';

export const INLINE_ALLOW_MARKER = 'leakstop:allow';

/** Extra characters searched on each side of a window, so that boundary assertions see context. */
export const WINDOW_MARGIN = 64;

/**
 * How many base64 layers are decoded: 2, for a `.dockerconfigjson` in a Secret (the Secret's value,
 * then the `auth` in the JSON it decodes to). Decoded text is scanned like any text, so each layer
 * is linear in what it decodes, at most 3/4 of the text it came from.
 */
export const MAX_DECODE_DEPTH = 2;

export interface EngineOptions {
  /** The providers whose rules run, in rank order (the registry's list, src/providers/index.ts). */
  providers: readonly ProviderDefinition[];
  /**
   * Rule ids that report nothing (from config `rules.disable`). They still match, so that what they
   * match is not reported by another rule as a generic secret: turning off `github-pat-classic`
   * silences its tokens, it does not turn them into `generic-secret` findings.
   */
  disabledRules?: ReadonlySet<string>;
  /**
   * When given, each rule's cost is added to it: keyword hits handed to the rule and milliseconds
   * spent matching them (bench/rule-cost.mjs). Off by default: timing every rule costs time itself.
   */
  profile?: RuleProfile;
}

/** Per rule id: keyword hits that reached the rule, and milliseconds its pattern and checks took. */
export type RuleProfile = Map<string, { hits: number; ms: number }>;

/**
 * The part of a text whose findings are reported, [from, to) in the text's offsets: a window of a
 * larger file (window-scan.ts) reports only the findings that start in its own part, and reads the
 * rest around it as context.
 */
export interface OwnedRange {
  from: number;
  to: number;
}

export interface TextScan {
  findings: Finding[];
  /** Findings dropped by a `leakstop:allow` comment on their line. */
  allowedInline: number;
}

export interface Engine {
  /** The rules that report findings (the disabled ones left out). */
  readonly rules: readonly Rule[];
  scanText(text: string): TextScan;
  /**
   * A whole file's UTF-8 bytes (no BOM): the same findings as scanText of their decoded text, found
   * faster. With `owned`, only findings starting in that range are reported (and counted if allowed).
   */
  scanUtf8(bytes: Uint8Array, owned?: OwnedRange): TextScan;
  /**
   * A binary file's bytes: key material (PKCS#12, Java keystores, DER private keys; key-material.ts)
   * is reported as one finding at line 1 whose secret is the file's SHA-256. Other bytes find nothing.
   */
  scanBinary(bytes: Uint8Array): TextScan;
}



interface CompiledRule {
  rule: Rule;
  provider: ProviderDefinition;
  /** Global, for searching windows (a RegExp, or an RE2 runner for a custom rule). */
  regex: PatternRunner;
  /** Sticky, for trying the pattern at one offset (rules anchored at their keyword); a custom rule's searches. */
  sticky: PatternRunner;
  /** Turned off by config: its matches only keep the generic rule off their characters. */
  disabled: boolean;
}

export function createEngine(options: EngineOptions): Engine {
  const { providers, profile } = options;
  const disabled = options.disabledRules ?? new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const provider of providers) {
    for (const rule of provider.rules) {
      const off = disabled.has(rule.id);
      if (off && !keepsGenericOff(rule, providers, disabled)) continue;
      compiled.push({ rule, provider, regex: compilePattern(rule, 'g'), sticky: compilePattern(rule, 'y'), disabled: off });
    }
  }

  const { keywords, rulesByKeyword, triggerKinds } = collectKeywords(compiled);
  // On a tie, the provider listed first wins: specific providers come before private-key and generic.
  const providerRank = new Map(providers.map((p, i) => [p.id, i]));
  // Type prefixes of prefixed tokens ('ghp_', 'dop_v1_'): a value starting with one is that
  // provider's format, so when its own rule did not accept it, the generic rule must not either.
  const prefixes = compiled.filter((c) => c.rule.anchor === 'keyword' && !c.rule.keywordsIgnoreCase).flatMap((c) => c.rule.keywords);
  const keywordIndex = buildKeywordIndex(keywords);
  const prefixesByProvider = declaredPrefixesByProvider(providers);

  function scanText(text: string, depth = 0): TextScan {
    if (text.length === 0) return nothingFound();
    return scanView(stringView(text), keywordIndex.find(text), undefined, depth);
  }

  function scanUtf8(bytes: Uint8Array, owned?: OwnedRange): TextScan {
    const hits = keywordIndex.findInBytes(bytes);
    if (hits.length === 0) return nothingFound();
    return scanView(bytesView(bytes, hits.length / 2), hits, owned, 0);
  }

  /**
   * Decoding is a step of the same scan, not a rule: the structures that hold base64 values are
   * found by keywords in the one prefilter pass (DECODE_TRIGGERS, beside the rules' keywords), and a
   * text without them pays nothing more. A rule's validate() could decode a value, but could only
   * accept or reject it; what the value holds needs every rule, so it is scanned by this engine
   * (one layer deeper) and its findings are placed at the value. See encoded-values.ts for the
   * structures, and reconcileDecoded for how they meet the findings on the encoded text.
   */
  function scanEncoded(view: TextView, hits: KeywordHits, depth: number): DecodedFinding[] {
    const triggers = triggerHits(hits, triggerKinds);
    if (triggers.length === 0) return [];
    const found: DecodedFinding[] = [];
    for (const value of findEncodedValues(view, triggers)) {
      const decoded = decodeEncodedValue(value.base64);
      if (!decoded) continue;
      // Bytes may be a keystore or a DER key (a `keystore.p12` in a Secret).
      const findings = 'text' in decoded ? scanText(textToScan(value, decoded.text), depth + 1).findings : keyMaterialFindings(decoded.bytes, disabled);
      for (const finding of preferSpecific(findings)) found.push({ value, finding });
    }
    return found;
  }

  function scanView(view: TextView, hits: KeywordHits, owned: OwnedRange | undefined, depth: number): TextScan {
    const decoded = depth < MAX_DECODE_DEPTH && triggerKinds.length > 0 ? scanEncoded(view, hits, depth) : [];
    const hitsByRule = groupHitsByRule(hits, rulesByKeyword);
    const perProvider = new Map<ProviderDefinition, RawFinding[]>();
    const rejected: Span[] = [];
    const disabledHits: Array<{ entry: CompiledRule; offsets: number[] }> = [];
    hitsByRule.forEach((offsets, ruleIndex) => {
      const entry = compiled[ruleIndex]!;
      if (entry.disabled) {
        disabledHits.push({ entry, offsets });
        return;
      }
      const found = profile ? profiled(profile, entry, offsets, () => matchRule(entry, view, offsets, rejected)) : matchRule(entry, view, offsets, rejected);
      if (found.length === 0) return;
      const list = perProvider.get(entry.provider) ?? [];
      list.push(...found);
      perProvider.set(entry.provider, list);
    });
    const raw: RawFinding[] = [];
    for (const [provider, found] of perProvider) {
      found.sort((x, y) => x.start - y.start);
      if (provider.combine) {
        // What a specific rule matched still blocks the generic rule after pairing consumed it.
        for (const f of found) if (f.confidence !== 'entropy') rejected.push(f);
        raw.push(...provider.combine(found, view));
      } else raw.push(...found);
    }
    if (raw.length === 0 && decoded.length === 0) return nothingFound();
    if (disabledHits.length > 0) matchDisabledNearGeneric(disabledHits, raw, view, rejected);
    const reconciled = reconcileDecoded(dedupe(raw, rejected, providerRank, prefixes), decoded);
    const isOwned = (start: number): boolean => !owned || (start >= owned.from && start < owned.to);
    return toFindings(
      reconciled.raw.filter((f) => isOwned(f.start)),
      view,
      prefixesByProvider,
      reconciled.decoded.filter((d) => isOwned(d.value.start)),
    );
  }

  return { rules: compiled.filter((c) => !c.disabled).map((c) => c.rule), scanText: (text) => scanText(text), scanUtf8, scanBinary: (bytes) => ({ findings: keyMaterialFindings(bytes, disabled), allowedInline: 0 }) };
}

/** A finding in the text a base64 value decodes to, and the value, where it is reported. */
interface DecodedFinding {
  value: EncodedValue;
  finding: Finding;
}

/**
 * What a Secret's `data` value is scanned as: `key: value`, as `stringData` would hold it, so that a
 * rule reading a name (`password: …`) sees one. Multi-line content (a PEM key, JSON) is scanned as it is.
 */
function textToScan(value: EncodedValue, text: string): string {
  if (value.key === undefined || value.structure !== 'Kubernetes Secret data' || /[\r\n]/.test(text.trimEnd())) return text;
  return `${value.key}: ${text}`;
}

/** In one decoded value, the generic rule yields to a specific finding, as it does in any text (dedupe). */
function preferSpecific(findings: readonly Finding[]): readonly Finding[] {
  if (!findings.some((f) => f.confidence !== 'entropy')) return findings;
  return findings.filter((f) => f.confidence !== 'entropy');
}

/**
 * Findings in decoded text and findings on the encoded text, over the same value: the more specific
 * side wins. What a value decodes to replaces a generic finding on its base64 (the decoded finding
 * says what the value holds), and a specific finding in it (a GitHub token in a Docker `auth`) also
 * replaces a specific one on the base64 (the Docker auth rule); a generic finding in decoded text
 * yields to a specific one on the base64.
 */
function reconcileDecoded(raw: RawFinding[], decoded: readonly DecodedFinding[]): { raw: RawFinding[]; decoded: readonly DecodedFinding[] } {
  if (decoded.length === 0) return { raw, decoded };
  const anyValue = spanIndex(decoded.map((d) => d.value));
  const specificValue = spanIndex(decoded.filter((d) => d.finding.confidence !== 'entropy').map((d) => d.value));
  const keptRaw = raw.filter((f) => !(f.confidence === 'entropy' ? anyValue : specificValue).overlaps(f));
  const specificRaw = spanIndex(keptRaw.filter((f) => f.confidence !== 'entropy'));
  return { raw: keptRaw, decoded: decoded.filter((d) => d.finding.confidence !== 'entropy' || !specificRaw.overlaps(d.value)) };
}

/** The hits of decoding triggers, ascending, with their kind. */
function triggerHits(hits: KeywordHits, triggerKinds: ReadonlyArray<TriggerKind | undefined>): Array<{ offset: number; kind: TriggerKind }> {
  const found: Array<{ offset: number; kind: TriggerKind }> = [];
  for (let i = 0; i + 1 < hits.length; i += 2) {
    const kind = triggerKinds[hits[i + 1]!];
    if (kind !== undefined) found.push({ offset: hits[i]!, kind });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function profiled(profile: RuleProfile, entry: CompiledRule, offsets: readonly number[], match: () => RawFinding[]): RawFinding[] {
  const started = performance.now();
  const found = match();
  const cost = profile.get(entry.rule.id) ?? { hits: 0, ms: 0 };
  cost.hits += offsets.length;
  cost.ms += performance.now() - started;
  profile.set(entry.rule.id, cost);
  return found;
}

/**
 * A disabled rule is matched only to keep entropy (generic) findings off its matches; it has none to
 * keep off when it is such a rule itself or when every such rule is disabled too.
 */
function keepsGenericOff(rule: Rule, providers: readonly ProviderDefinition[], disabled: ReadonlySet<string>): boolean {
  if ((rule.confidence ?? 'pattern') === 'entropy') return false;
  return providers.some((p) => p.rules.some((r) => r.confidence === 'entropy' && !disabled.has(r.id)));
}

/**
 * Disabled rules' matches, as rejected spans: like a look-alike a rule rejected, no finding of their
 * own and no generic finding over them. Only their keyword hits whose window reaches an entropy
 * finding are tried (a match lies within its keyword's window), so a disabled rule costs nothing
 * where the generic rule found nothing: 50,000 tokens of a disabled rule on one line are not re-checked.
 */
function matchDisabledNearGeneric(disabledHits: ReadonlyArray<{ entry: CompiledRule; offsets: number[] }>, raw: readonly RawFinding[], view: TextView, rejected: Span[]): void {
  const generic = raw.filter((f) => f.confidence === 'entropy');
  if (generic.length === 0) return;
  const near = spanIndex(generic);
  for (const { entry, offsets } of disabledHits) {
    const { before, after } = entry.rule.window;
    const reaching = offsets.filter((k) => near.overlaps({ start: k - before - WINDOW_MARGIN, end: k + after + WINDOW_MARGIN }));
    if (reaching.length === 0) continue;
    for (const f of matchRule(entry, view, reaching, rejected)) rejected.push(f);
  }
}

/**
 * Every prefix a provider's rules declare, for the secrets found with a finding (an AWS pair's key
 * id): they come from another rule of the same provider.
 */
function declaredPrefixesByProvider(providers: readonly ProviderDefinition[]): ReadonlyMap<string, readonly string[]> {
  return new Map(providers.map((p) => [p.id, p.rules.flatMap((rule) => rule.prefixes ?? [])]));
}

function nothingFound(): TextScan {
  return { findings: [], allowedInline: 0 };
}

/** A built-in rule's RegExp with the engine's flags; a custom rule's RE2 searcher (see matchAnchoredBySearch). */
function compilePattern(rule: Rule, mode: 'g' | 'y'): PatternRunner {
  if (!(rule.pattern instanceof RegExp)) return rule.pattern.searcher();
  const flags = [...new Set(rule.pattern.flags.replace(/[^is]/g, '') + mode + 'd')].join('');
  return new RegExp(rule.pattern.source, flags);
}

function collectKeywords(compiled: ReadonlyArray<{ rule: Rule }>): { keywords: KeywordSpec[]; rulesByKeyword: number[][]; triggerKinds: Array<TriggerKind | undefined> } {
  const keywords: KeywordSpec[] = [];
  const rulesByKeyword: number[][] = [];
  const position = new Map<string, number>();
  const triggerKinds: Array<TriggerKind | undefined> = [];
  compiled.forEach(({ rule }, ruleIndex) => {
    const ignoreCase = rule.keywordsIgnoreCase ?? false;
    for (const text of rule.keywords) {
      const key = anchorKey({ text, ignoreCase });
      let index = position.get(key);
      if (index === undefined) {
        index = keywords.length;
        position.set(key, index);
        keywords.push({ text, ignoreCase });
        rulesByKeyword.push([]);
      }
      const rules = rulesByKeyword[index]!;
      if (!rules.includes(ruleIndex)) rules.push(ruleIndex);
    }
  });
  // Decoding triggers share the prefilter pass: a keyword a rule also has is found once for both.
  for (const trigger of DECODE_TRIGGERS) {
    const key = anchorKey({ text: trigger.text, ignoreCase: false });
    let index = position.get(key);
    if (index === undefined) {
      index = keywords.length;
      position.set(key, index);
      keywords.push({ text: trigger.text, ignoreCase: false });
      rulesByKeyword.push([]);
    }
    triggerKinds[index] = trigger.kind;
  }
  return { keywords, rulesByKeyword, triggerKinds };
}

/**
 * The keywords an engine over these providers looks for, in the prefilter's order: every rule's, then
 * the decoding triggers'. What bench/builtin-anchors.mjs chooses the built-in anchors for.
 */
export function engineKeywords(providers: readonly ProviderDefinition[]): KeywordSpec[] {
  return collectKeywords(providers.flatMap((provider) => provider.rules.map((rule) => ({ rule })))).keywords;
}

/** Keyword offsets per rule, ascending. */
function groupHitsByRule(hits: KeywordHits, rulesByKeyword: readonly number[][]): Map<number, number[]> {
  const byRule = new Map<number, number[]>();
  for (let i = 0; i + 1 < hits.length; i += 2) {
    const offset = hits[i]!;
    for (const ruleIndex of rulesByKeyword[hits[i + 1]!]!) {
      const offsets = byRule.get(ruleIndex);
      if (offsets) offsets.push(offset);
      else byRule.set(ruleIndex, [offset]);
    }
  }
  for (const offsets of byRule.values()) if (!isAscending(offsets)) offsets.sort((a, b) => a - b);
  return byRule;
}

/** Hits come in scan order, which keywords anchored at different depths can leave unsorted. */
function isAscending(offsets: readonly number[]): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return false;
  return true;
}

/**
 * Runs the rule's regex over the merged windows around its keyword offsets. Windows that overlap
 * are merged, so adversarial input (a keyword repeated a million times) costs one linear pass.
 */
function matchRule(entry: CompiledRule, view: TextView, offsets: readonly number[], rejected: Span[]): RawFinding[] {
  if (entry.rule.anchor === 'keyword') return entry.rule.pattern instanceof RegExp ? matchAtKeywords(entry, view, offsets, rejected) : matchAnchoredBySearch(entry, view, offsets, rejected);
  const { before, after } = entry.rule.window;
  const found: RawFinding[] = [];
  const seenStarts = new Set<number>();
  let i = 0;
  while (i < offsets.length) {
    const windowStart = Math.max(0, offsets[i]! - before - WINDOW_MARGIN);
    let windowEnd = offsets[i]! + after;
    while (i + 1 < offsets.length && offsets[i + 1]! - before <= windowEnd) {
      i++;
      windowEnd = offsets[i]! + after;
    }
    i++;
    windowEnd = Math.min(view.length, windowEnd + WINDOW_MARGIN);
    for (const candidate of matchWindow(entry, view, windowStart, windowEnd, rejected)) {
      if (seenStarts.has(candidate.start)) continue;
      seenStarts.add(candidate.start);
      found.push(candidate);
    }
  }
  return found;
}

/**
 * Tries the sticky pattern once at each keyword offset: no searching. The pattern reads a window
 * from a margin before the keyword (for lookbehinds) to the rule's reach after it plus a margin;
 * windows that overlap are read as one.
 */
function matchAtKeywords(entry: CompiledRule, view: TextView, offsets: readonly number[], rejected: Span[]): RawFinding[] {
  const found: RawFinding[] = [];
  const reach = entry.rule.window.after + WINDOW_MARGIN;
  let coveredUntil = -1;
  let i = 0;
  while (i < offsets.length) {
    const windowStart = Math.max(0, offsets[i]! - WINDOW_MARGIN);
    let last = i;
    while (last + 1 < offsets.length && offsets[last + 1]! - WINDOW_MARGIN <= offsets[last]! + reach) last++;
    const windowEnd = Math.min(view.length, offsets[last]! + reach);
    const window = view.slice(windowStart, windowEnd);
    for (; i <= last; i++) {
      const offset = offsets[i]!;
      // A keyword inside a secret already found (or a duplicate offset) cannot start another match.
      if (offset < coveredUntil) continue;
      entry.sticky.lastIndex = offset - windowStart;
      const m = entry.sticky.exec(window);
      if (m === null) continue;
      const candidate = toCandidate(entry.rule, m, windowStart, view, rejected);
      if (!candidate) continue;
      found.push(candidate);
      coveredUntil = offset + m[0].length;
    }
  }
  return found;
}

/**
 * A custom (RE2) rule anchored at its keyword: RE2 anchors a match only at the start of its input, so
 * trying the pattern at each keyword would read up to the rule's reach per keyword, and a keyword
 * repeated 100,000 times under `(a+)+` took 11 s. Instead each merged window is searched once (linear)
 * and the matches that start where a keyword occurs are kept: the same matches when the pattern
 * starts with its keyword, as an anchored rule's should.
 */
function matchAnchoredBySearch(entry: CompiledRule, view: TextView, offsets: readonly number[], rejected: Span[]): RawFinding[] {
  const found: RawFinding[] = [];
  const reach = entry.rule.window.after + WINDOW_MARGIN;
  let i = 0;
  while (i < offsets.length) {
    const windowStart = Math.max(0, offsets[i]! - WINDOW_MARGIN);
    const starts = new Set<number>([offsets[i]! - windowStart]);
    while (i + 1 < offsets.length && offsets[i + 1]! - WINDOW_MARGIN <= offsets[i]! + reach) starts.add(offsets[++i]! - windowStart);
    const windowEnd = Math.min(view.length, offsets[i]! + reach);
    i++;
    const window = view.slice(windowStart, windowEnd);
    const { regex } = entry;
    regex.lastIndex = 0;
    for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
      if (m[0].length === 0) regex.lastIndex++;
      else if (starts.has(m.index)) {
        const candidate = toCandidate(entry.rule, m, windowStart, view, rejected);
        if (candidate) found.push(candidate);
      }
    }
  }
  return found;
}

/** Matches in one window; spans a specific rule matched but rejected (a bad checksum) go to `rejected`. */
function matchWindow(entry: CompiledRule, view: TextView, windowStart: number, windowEnd: number, rejected: Span[]): RawFinding[] {
  const { rule, regex } = entry;
  const window = view.slice(windowStart, windowEnd);
  const found: RawFinding[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m !== null; m = regex.exec(window)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const candidate = toCandidate(rule, m, windowStart, view, rejected);
    if (candidate) found.push(candidate);
  }
  return found;
}

/**
 * A regex match turned into a finding, or undefined (recorded in `rejected`) when its checks fail.
 * Offsets stay in the view's units; the strings the checks and the finding see are decoded.
 */
function toCandidate(rule: Rule, m: PatternMatch, base: number, view: TextView, rejected: Span[]): RawFinding | undefined {
  const secretGroup = m.groups?.['secret'];
  const span = secretGroup !== undefined ? m.indices?.groups?.['secret'] : m.indices?.[0];
  if (!span || (secretGroup ?? m[0]).length === 0) return undefined;
  const start = base + span[0];
  const end = base + span[1];
  const decode = view.bytes && NON_ASCII.test(m[0]) ? decodeLatin1 : undefined;
  const groups = decode ? decodeGroups(m.groups ?? {}) : (m.groups ?? {});
  const secret = decode ? decode(secretGroup ?? m[0]) : (secretGroup ?? m[0]);
  const before = contextBefore(m, view);
  const accepted = acceptCandidate(rule, { secret, match: decode ? decode(m[0]) : m[0], groups, before });
  if (!accepted) {
    if ((rule.confidence ?? 'pattern') !== 'entropy') rejected.push({ start, end });
    return undefined;
  }
  return { rule, secret, start, end, confidence: accepted.confidence, details: accepted.details };
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** The text just before a match in the string it was found in (see Candidate.before). */
function contextBefore(m: PatternMatch, view: TextView): string {
  const before = m.input.slice(Math.max(0, m.index - CONTEXT_BEFORE), m.index);
  return view.bytes && NON_ASCII.test(before) ? decodeLatin1(before) : before;
}

function decodeGroups(groups: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, value === undefined ? undefined : decodeLatin1(value)]));
}

/**
 * The shared placeholder check does not overrule a checksum: a value whose checksum verifies has the
 * shape only the provider issues, and 30 random base62 characters spell 'xXxx' or 'FAke' in about 1
 * token of 10,000 (3 to 6 of the 50,000 in bench/generate-one-line.mjs were dropped). A placeholder a
 * person types (ghp_xxxx…, <token>) has no valid checksum, so its rule's validate() rejects it.
 */
function acceptCandidate(rule: Rule, candidate: Candidate): { confidence: RawFinding['confidence']; details: Record<string, string> } | undefined {
  const { secret } = candidate;
  const confidence = rule.confidence ?? 'pattern';
  const placeholder = !rule.skipPlaceholderCheck && placeholderReason(secret) !== undefined;
  // Without a validator (or for the generic rule) nothing could outweigh the placeholder check: skip the rest.
  if (placeholder && (!rule.validate || confidence === 'entropy')) return undefined;
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return undefined;
  if (!rule.validate) return { confidence, details: {} };
  const verdict = rule.validate(candidate);
  if (!verdict.valid) return undefined;
  const validated = verdict.confidence ?? confidence;
  if (placeholder && validated !== 'checksum') return undefined;
  return { confidence: validated, details: verdict.details ?? {} };
}

interface Span {
  start: number;
  end: number;
}

/**
 * One finding per secret: where two rules report the same characters (Google's service-account
 * rule and the private-key rule on one PEM) the more certain one wins, then the provider listed
 * first. The generic entropy rule yields to any specific finding it overlaps, and to a look-alike a
 * specific rule rejected (a `ghp_` token with a bad checksum is a fake, not a generic secret).
 */
function dedupe(raw: RawFinding[], rejected: readonly Span[], providerRank: ReadonlyMap<string, number>, prefixes: readonly string[]): RawFinding[] {
  const rank = (f: RawFinding): number => CONFIDENCE_RANK[f.confidence] * 1000 - (providerRank.get(f.rule.provider) ?? 999);
  const bySpan = new Map<string, RawFinding>();
  for (const finding of raw) {
    const key = `${finding.start}:${finding.end}`;
    const existing = bySpan.get(key);
    if (!existing || rank(finding) > rank(existing)) bySpan.set(key, finding);
  }
  const kept = [...bySpan.values()].sort((x, y) => x.start - y.start);
  if (!kept.some((f) => f.confidence === 'entropy')) return kept;
  const blocked = spanIndex([...kept.filter((f) => f.confidence !== 'entropy'), ...rejected]);
  return kept.filter((f) => f.confidence !== 'entropy' || (!blocked.overlaps(f) && !prefixes.some((p) => f.secret.startsWith(p))));
}

/** Overlap queries against many spans in O(log n) each: spans sorted by start with a running max end. */
function spanIndex(spans: readonly Span[]): { overlaps: (span: Span) => boolean } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  sorted.forEach((s, i) => maxEnd.push(Math.max(s.end, i > 0 ? maxEnd[i - 1]! : 0)));
  return {
    overlaps(span) {
      // The last span starting before `span` ends; any span up to it that ends after `span` starts overlaps.
      let low = 0;
      let high = sorted.length - 1;
      let last = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (sorted[mid]!.start < span.end) {
          last = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      return last >= 0 && maxEnd[last]! > span.start;
    },
  };
}

const CONFIDENCE_RANK = { checksum: 4, structure: 3, pattern: 2, entropy: 1 } as const;

function toFindings(raw: readonly RawFinding[], view: TextView, prefixesByProvider: ReadonlyMap<string, readonly string[]>, decoded: readonly DecodedFinding[]): TextScan {
  if (raw.length === 0 && decoded.length === 0) return nothingFound();
  const placer = createFindingPlacer(view);
  const findings: Finding[] = [];
  let allowedInline = 0;
  for (const r of raw) {
    const start = placer.position(r.start, 'start');
    if (placer.lineHas(start.line, INLINE_ALLOW_MARKER)) {
      allowedInline++;
      continue;
    }
    const end = placer.position(r.end, 'end');
    const ruleId = r.ruleId ?? r.rule.id;
    const finding: Finding = {
      ruleId,
      provider: r.rule.provider,
      title: r.title ?? r.rule.title,
      severity: r.severity ?? r.rule.severity,
      confidence: r.confidence,
      secret: new Secret(r.secret, r.rule.prefixes),
      fingerprint: fingerprint(ruleId, r.secret),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      details: r.details,
      remediation: r.rule.remediation,
    };
    if (r.related) finding.related = wrapRelated(r.related, prefixesByProvider.get(r.rule.provider) ?? []);
    findings.push(finding);
  }
  if (decoded.length === 0) return { findings, allowedInline };
  for (const { value, finding } of [...decoded].sort((x, y) => x.value.start - y.value.start)) {
    const start = placer.position(value.start, 'start');
    if (placer.lineHas(start.line, INLINE_ALLOW_MARKER)) {
      allowedInline++;
      continue;
    }
    const end = placer.position(value.end, 'end');
    findings.push({ ...finding, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, details: decodedDetails(value, finding.details) });
  }
  return { findings: findings.sort((x, y) => x.line - y.line || x.column - y.column), allowedInline };
}

/**
 * A decoded finding says it was decoded, and from where: `Kubernetes Secret data .dockerconfigjson >
 * Docker config auths auth` for two layers. Only names and structures, never content.
 */
function decodedDetails(value: EncodedValue, inner: Readonly<Record<string, string>>): Record<string, string> {
  const here = value.key === undefined ? value.structure : `${value.structure} ${value.key}`;
  const from = inner['decodedFrom'] === undefined ? here : `${here} > ${inner['decodedFrom']}`;
  return { encoding: 'base64', ...inner, decodedFrom: from };
}

/** Related secrets get the same protection as the finding's own: a Secret each. */
function wrapRelated(related: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, Secret> {
  return Object.fromEntries(Object.entries(related).map(([name, value]) => [name, new Secret(value, prefixes)]));
}
