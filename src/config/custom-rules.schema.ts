// `rules.custom` in a repository's config, and LEAKSTOP_CUSTOM_RULES in the operator's environment:
// patterns the user adds. A repository's config reaches the app's workers, so everything here is
// bounded (counts, sizes) and every pattern must compile as RE2 (linear time) and pass its own
// samples through the real engine before anything is scanned with it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { createEngine } from '../detect/engine.js';
import { anchoredPatternProblem } from './anchored-pattern.js';
import { customRule, withCustomRules, type CustomRuleSpec } from '../detect/custom-rule.js';
import { LinearPatternError } from '../detect/linear-pattern.js';
import { SEVERITY_ORDER, type Severity } from '../detect/rule.js';
import { allProviders } from '../providers/index.js';

export const MAX_CUSTOM_RULES = 100;
export const MAX_PATTERN_CHARS = 1000;
const MAX_KEYWORDS = 10;
const MAX_KEYWORD_CHARS = 64;
const MAX_SAMPLES = 20;
const MAX_SAMPLE_CHARS = 1000;
const MAX_WINDOW = 1000;

const BUILT_IN_RULE_IDS = new Set(allProviders.flatMap((provider) => provider.rules.map((rule) => rule.id)));
const SEVERITIES = Object.keys(SEVERITY_ORDER) as [Severity, ...Severity[]];

const sample = z.string().min(1).max(MAX_SAMPLE_CHARS, `a sample is at most ${MAX_SAMPLE_CHARS} characters: keep it to the line that holds the credential`);

export const customRuleSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,62})[a-z0-9]$/, 'must be 3-64 lowercase letters, digits and hyphens, e.g. acme-api-key')
    .refine((id) => !BUILT_IN_RULE_IDS.has(id), { error: (issue) => `'${String(issue.input)}' is a built-in rule id (\`leakstop rules\` lists them): choose another id, e.g. 'acme-${String(issue.input)}'` }),
  title: z.string().trim().min(1).max(100),
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }),
  keywords: z
    .array(
      z
        .string()
        .min(3, 'a keyword is at least 3 characters: the prefilter finds rules by their keywords, and shorter ones occur everywhere')
        .max(MAX_KEYWORD_CHARS)
        .regex(/^[\x21-\x7e]+$/, 'a keyword is printable ASCII without spaces (the prefilter compares bytes)'),
    )
    .min(1, 'list at least one keyword: a literal that occurs in or near every match, such as the token prefix')
    .max(MAX_KEYWORDS),
  keywordsIgnoreCase: z.boolean().optional(),
  /** 'keyword': every match starts where a keyword occurs (the token's prefix is the keyword): the pattern must start with it (anchored-pattern.ts). */
  anchor: z.literal('keyword', { error: "must be 'keyword' (every match starts at a keyword) or left out" }).optional(),
  /** How far before a keyword a match may start, and within how many characters after it it ends. */
  window: z.strictObject({ before: z.number().int().min(0).max(MAX_WINDOW), after: z.number().int().min(1).max(MAX_WINDOW) }).optional(),
  pattern: z
    .string()
    .min(1)
    .max(MAX_PATTERN_CHARS, `a pattern is at most ${MAX_PATTERN_CHARS} characters`)
    .regex(/^[\x20-\x7e]+$/, 'a pattern is printable ASCII: write other characters as escapes, e.g. \\x{e9}'),
  remediation: z.string().trim().min(1).max(500).optional(),
  samples: z.strictObject({
    positive: z.array(sample).min(1, 'give at least one positive sample: a line holding a credential the rule must find').max(MAX_SAMPLES),
    negative: z.array(sample).min(1, 'give at least one negative sample: a look-alike line the rule must not report').max(MAX_SAMPLES),
  }),
});

/** A list of custom rules: each compiles as RE2 and passes its samples; ids are unique. */
export const customRulesSchema = z
  .array(customRuleSchema)
  .max(MAX_CUSTOM_RULES, `at most ${MAX_CUSTOM_RULES} custom rules`)
  .superRefine((specs, ctx) => {
    // zod runs this even when a rule failed its schema: those are reported already, and only rules
    // that passed it can be compiled and scanned.
    if (!specs.every((spec) => customRuleSchema.safeParse(spec).success)) return;
    for (const problem of customRuleProblems(specs)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export type CustomRuleConfig = z.infer<typeof customRuleSchema>;

interface CustomRuleProblem {
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with custom rules that passed the schema: duplicate ids, patterns RE2 cannot compile,
 * samples the real engine (with every built-in rule on) does not answer as the rule says.
 */
export function customRuleProblems(specs: readonly CustomRuleSpec[]): CustomRuleProblem[] {
  // The app parses a repository's config for every job: the same rules are checked once.
  const key = createHash('sha256').update(JSON.stringify(specs)).digest('base64url');
  const known = checked.get(key);
  if (known !== undefined) return known;
  const problems = checkCustomRules(specs);
  if (checked.size >= CHECKED_LIMIT) checked.delete(checked.keys().next().value ?? '');
  checked.set(key, problems);
  return problems;
}

/** Verdicts on sets of custom rules already checked, by digest (the oldest dropped past the limit). */
const checked = new Map<string, CustomRuleProblem[]>();
const CHECKED_LIMIT = 64;

function checkCustomRules(specs: readonly CustomRuleSpec[]): CustomRuleProblem[] {
  const problems: CustomRuleProblem[] = [];
  const seen = new Map<string, number>();
  const compiled: CustomRuleSpec[] = [];
  specs.forEach((spec, index) => {
    const first = seen.get(spec.id);
    if (first !== undefined) {
      problems.push({ path: [index, 'id'], message: `rule '${spec.id}' is defined twice (also at index ${first}): give each custom rule its own id` });
      return;
    }
    seen.set(spec.id, index);
    // A pattern that compiles, but not as its anchor says, would pass samples and miss look-alikes.
    const patternProblem = compileProblem(spec) ?? anchoredPatternProblem(spec);
    if (patternProblem === undefined) compiled.push(spec);
    else problems.push({ path: [index, 'pattern'], message: patternProblem });
  });
  if (compiled.length === 0) return problems;
  const engine = createEngine({ providers: withCustomRules(allProviders, compiled) });
  for (const spec of compiled) {
    const index = seen.get(spec.id)!;
    problems.push(...sampleProblems(spec, (text) => engine.scanText(text).findings).map((message) => ({ path: [index, 'samples'], message })));
  }
  return problems;
}

/** RE2's reason a pattern does not compile, with what to write instead for what RE2 leaves out on purpose. */
function compileProblem(spec: CustomRuleSpec): string | undefined {
  try {
    customRule(spec);
    return undefined;
  } catch (error) {
    if (!(error instanceof LinearPatternError)) throw error;
    return `rule '${spec.id}': the pattern is not RE2 syntax (${error.message})${unsupportedConstruct(spec.pattern)}`;
  }
}

/**
 * RE2 runs in linear time because it has no lookaround and no backreferences; name the construct the
 * pattern used and the way to do without it.
 */
function unsupportedConstruct(pattern: string): string {
  if (/\(\?<[=!]/.test(pattern)) return ': RE2 has no lookbehind. Match the text before the credential as part of the pattern and mark the credential with a named group (?P<secret>...)';
  if (/\(\?[=!]/.test(pattern)) return ': RE2 has no lookahead. Match the text after the credential as part of the pattern (or use \\b) and mark the credential with a named group (?P<secret>...)';
  if (/\\[1-9]|\\k</.test(pattern)) return ': RE2 has no backreferences. Spell out what the group matches again, e.g. ["\'] at both ends instead of (["\'])...\\1';
  if (/\(\?>|[*+?}][+]/.test(pattern)) return ': RE2 has no atomic groups or possessive quantifiers, and needs none: it never backtracks';
  return ': see https://github.com/google/re2/wiki/Syntax';
}

type Scan = (text: string) => ReadonlyArray<{ ruleId: string }>;

function sampleProblems(spec: CustomRuleSpec, scan: Scan): string[] {
  const problems: string[] = [];
  spec.samples.positive.forEach((text, i) => {
    const findings = scan(text);
    const own = findings.filter((f) => f.ruleId === spec.id).length;
    if (own === 1) return;
    const others = [...new Set(findings.map((f) => f.ruleId).filter((id) => id !== spec.id))];
    const instead = others.length > 0 ? ` (reported as ${others.map((id) => `'${id}'`).join(', ')} instead: a built-in rule already finds it, and the custom rule is not needed)` : '';
    problems.push(
      own === 0
        ? `rule '${spec.id}': positive sample ${i + 1} produces no finding of this rule${instead}: check that the sample contains a keyword and that the pattern matches it within the window (values that look like placeholders, such as xxxx, <token> or one repeated character, are never reported)`
        : `rule '${spec.id}': positive sample ${i + 1} produces ${own} findings of this rule, not one: make the pattern match the credential once`,
    );
  });
  spec.samples.negative.forEach((text, i) => {
    if (!scan(text).some((f) => f.ruleId === spec.id)) return;
    problems.push(`rule '${spec.id}': negative sample ${i + 1} produces a finding of this rule: make the pattern stricter, or remove the sample if it is a real credential`);
  });
  return problems;
}
