// What a detection rule is: the contract between a provider file and the engine.

import type { TextView } from './text-view.js';

/** The text findings came from, read by slices (offsets as in the findings). */
export type ScannedText = Pick<TextView, 'slice'>;

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/**
 * ASCII whitespace, for negated classes in patterns ([^${ASCII_SPACE}@]) where \s would also stop at
 * U+00A0: in a file scanned as bytes (Engine.scanUtf8) that is a UTF-8 continuation byte, as in
 * 'à', so \s there would cut a match that the decoded text keeps whole.
 */
export const ASCII_SPACE = String.raw`\t\n\v\f\r `;

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** How sure we are that a finding is a real credential, strongest first. */
export type Confidence = 'checksum' | 'structure' | 'pattern' | 'entropy';

/** A regex match handed to a rule's offline validator. */
export interface Candidate {
  /** The credential itself (the `secret` named group, or the whole match). */
  secret: string;
  /** The whole regex match. */
  match: string;
  /** Named groups of the match. */
  groups: Readonly<Record<string, string | undefined>>;
  /**
   * Up to CONTEXT_BEFORE (64) characters of text just before the match, fewer at the start of a
   * text or of the window searched: what a lookbehind would read, without its cost on every try.
   */
  before: string;
}

/** How much text before a match a validator sees (Candidate.before). */
export const CONTEXT_BEFORE = 64;

/** What an offline validator says about a candidate. */
export type Validation =
  | { valid: false; reason: string }
  | {
      valid: true;
      /** Defaults to the rule's confidence. */
      confidence?: Confidence;
      /** Facts decoded offline, safe to show (never the secret): e.g. { awsAccountId: '123456789012' }. */
      details?: Record<string, string>;
    };

/** A match as a pattern reports it: RegExp's exec with the 'd' flag, or a linear pattern's runner. */
export interface PatternMatch {
  /** The whole match. */
  0: string;
  /** Where the match starts in `input`. */
  index: number;
  /** The text searched. */
  input: string;
  groups?: Record<string, string | undefined> | undefined;
  /** Offsets in `input`: [0] the whole match, groups each named group that took part. */
  indices?: { 0?: [number, number]; groups?: Record<string, [number, number] | undefined> | undefined } | undefined;
}

/** Runs a pattern with RegExp's protocol: exec from lastIndex ('g' searching, 'y' at lastIndex only). */
export interface PatternRunner {
  lastIndex: number;
  exec(input: string): PatternMatch | null;
}

/**
 * A pattern run by a linear-time engine (RE2): a custom rule's, from configuration, which must never
 * run on the backtracking RegExp (see linear-pattern.ts).
 */
export interface LinearPattern {
  /** The pattern as written, in RE2 syntax. */
  readonly source: string;
  /** A runner that searches from lastIndex, as a RegExp with the 'g' flag. */
  searcher(): PatternRunner;
}

export interface Rule {
  /** Unique kebab-case id, stable: baselines and fingerprints depend on it. e.g. 'github-pat-classic'. */
  id: string;
  /** The provider id: the file name under src/providers/ (e.g. 'github'). */
  provider: string;
  /** For people: 'GitHub personal access token (classic)'. */
  title: string;
  severity: Severity;
  /** How sure a match alone makes us (before validate). Defaults to 'pattern'. */
  confidence?: Confidence;
  /**
   * Literal strings, at least one of which occurs in or near every true match. The engine finds all
   * keywords in one pass and runs this rule only in a window around each occurrence.
   */
  keywords: readonly string[];
  /** Match keywords regardless of case (for words like 'password'); token prefixes stay case-sensitive. */
  keywordsIgnoreCase?: boolean;
  /**
   * Where a match may lie relative to a keyword occurrence, in characters: it may start up to
   * `before` characters before the keyword's start and must end within `after` characters of it.
   */
  window: { before: number; after: number };
  /**
   * 'keyword': every match starts exactly where a keyword occurs (lookbehinds may still look
   * before it), as for prefixed tokens (`ghp_…`). The engine then tries the pattern once at each
   * keyword occurrence (a sticky match) instead of searching the window: the cost follows the
   * number of keywords, not the size of the text around them. A custom (RE2) rule is searched once
   * per merged window instead, keeping the matches that start at a keyword (see matchAnchoredBySearch).
   */
  anchor?: 'keyword';
  /**
   * The pattern, searched only inside keyword windows. It must stay linear on any input: bounded
   * quantifiers only ({m,n}, never + or * on overlapping classes), no nested quantifiers. Flags other
   * than 'i' and 's' are ignored (the engine compiles it with 'g'). A named group `secret` marks the
   * credential; without it the whole match is the secret. Custom rules (from configuration) have a
   * LinearPattern instead: RE2, linear on any pattern.
   */
  pattern: RegExp | LinearPattern;
  /**
   * Fixed type prefixes the provider puts at the start of this rule's secrets, as its documentation
   * publishes them ('ghp_', 'sk-proj-', 'AKIA'): the only start of a secret a redacted form shows
   * (see redact()). Not the keywords: those find a secret (`T3BlbkFJ` is inside an OpenAI key, `aws`
   * is a word near one) and say nothing about how it begins. None for secrets without a fixed prefix.
   */
  prefixes?: readonly string[];
  /** Minimum Shannon entropy of the secret in bits per character; lower is rejected as a placeholder. */
  minEntropy?: number;
  /**
   * Skip the engine's shared placeholder checks (`xxxx`, `<YOUR_KEY>`, `${VAR}`, repeated
   * characters...). Only for rules whose validate() is strict enough on its own. A validate() that
   * verifies a checksum (confidence 'checksum') overrules the placeholder check without this flag.
   */
  skipPlaceholderCheck?: boolean;
  /** Offline validation: checksums, decodable structure. Rejects fakes without the network. */
  validate?: (candidate: Candidate) => Validation;
  /** What to do about a finding, one or two sentences, with the provider's page to revoke by hand. */
  remediation: string;
  /**
   * Samples run by test/providers/rules.test.ts: every positive must produce exactly one finding of
   * this rule, every negative none of this rule. Keep them realistic (a line of code or config).
   */
  samples: { positive: readonly string[]; negative: readonly string[] };
}

/** A rule match in one text, before it is placed in a file or commit. */
export interface RawFinding {
  rule: Rule;
  secret: string;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  confidence: Confidence;
  details: Record<string, string>;
  /** Overrides the rule's severity (e.g. an AWS key id found with its secret). */
  severity?: Severity;
  /** Overrides the rule id/title for a combined finding (e.g. 'aws-access-key-pair'). */
  ruleId?: string;
  title?: string;
  /**
   * Other raw secrets found with this one that the leak response needs to act on it, by name: e.g.
   * { accessKeyId: 'AKIA…' } on an AWS pair, whose `secret` is the secret access key. The engine wraps
   * each in a Secret; anything safe to show goes in `details` instead (redacted, if at all).
   */
  related?: Record<string, string>;
}

/** One provider's detection under src/providers/: its rules (what it can do about a leak is its adapter's). */
export interface ProviderDefinition {
  /** Same as the file name: 'github', 'aws', ... */
  id: string;
  /** For people: 'GitHub', 'AWS'. */
  name: string;
  rules: readonly Rule[];
  /**
   * Optional post-processing of this provider's findings in one text, e.g. pairing an AWS access key
   * id with the secret access key a few lines below it. Gets the findings of this provider only, in
   * offset order, with the text they came from.
   */
  combine?: (findings: RawFinding[], text: ScannedText) => RawFinding[];
}
