// `leakstop scan --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (upload-sarif or the
// code-scanning API). One run; one rule descriptor per rule that produced a finding; one result per
// finding, located relative to %SRCROOT%, the repository root, so alerts match the repository tree
// (GitHub reads relative URIs as relative to the root of the repository analysed). No local
// absolute path is written: %SRCROOT% is described, not given a file:// URI. Only the redacted value
// of a secret ever appears.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { LocatedFinding } from '../detect/finding.js';
import type { Confidence, Rule, Severity } from '../detect/rule.js';
import type { ScanResult, SkippedFile } from '../scan/result.js';
import { toolInfo } from '../version.js';
import { jsonInChunks } from './json-chunks.js';
import { detailLabel, relativePosixPath, skipReasonLabel } from './labels.js';
import { orderFindings, summarize, unreadItems } from './summary.js';

/** The $schema GitHub's documentation uses. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in result.partialFingerprints; bump the suffix if fingerprint() changes. */
export const SARIF_FINGERPRINT_KEY = 'leakstop/v1';
const SOURCE_ROOT = '%SRCROOT%';
const SOURCE_ROOT_DESCRIPTION = 'The root of the git work tree scanned, or the directory scanned when it is not in one.';

export interface SarifOptions {
  /** Put before each finding's path to make it relative to the repository root, e.g. 'src/'. */
  pathPrefix?: string;
}

/** Unreadable items listed one by one as notifications, at most: the invocation's counts have them all. */
const MAX_UNREAD_NOTIFICATIONS = 100;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** GitHub maps >= 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/** How often a rule's matches are real, in GitHub's words (it sorts alerts by level, then precision). */
const PRECISION: Record<Confidence, string> = { checksum: 'very-high', structure: 'high', pattern: 'medium', entropy: 'low' };

/** Weakest last, as the engine ranks them. */
const CONFIDENCE_STRENGTH: Record<Confidence, number> = { checksum: 4, structure: 3, pattern: 2, entropy: 1 };

const CONFIDENCE_SENTENCE: Record<Confidence, string> = {
  checksum: "A match is confirmed offline by the token's built-in checksum.",
  structure: 'A match is confirmed offline by decoding its structure.',
  pattern: 'A match is found by its pattern near a keyword of the provider.',
  entropy: 'A match is found by its randomness (entropy) near a keyword; expect some false positives.',
};

/**
 * What a rule descriptor says, from the engine's rule or, for a combined finding (e.g. an AWS key
 * pair), from the finding. `confidence` always comes from the findings: a rule's own confidence is
 * what a match alone is worth, before its validator confirms a checksum or a structure.
 */
interface RuleMetadata {
  id: string;
  provider: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  remediation: string;
}

export function formatSarif(result: ScanResult, rules: readonly Rule[], options: SarifOptions = {}): string {
  return [...sarifChunks(result, rules, options)].join('');
}

/** Stands for the results in the log's skeleton; no path or message holds a NUL. */
const RESULTS_MARKER = '\u0000results\u0000';

/** formatSarif's text in pieces, a few hundred results each, as jsonChunks for JSON (see there why). */
export function sarifChunks(result: ScanResult, rules: readonly Rule[], options: SarifOptions = {}): Generator<string> {
  const { log, findings, toResult } = sarifParts(result, rules, options, RESULTS_MARKER);
  return jsonInChunks(log, RESULTS_MARKER, findings, toResult);
}

export function buildSarifLog(result: ScanResult, rules: readonly Rule[], options: SarifOptions = {}): Sarif.Log {
  const { log, findings, toResult } = sarifParts(result, rules, options, []);
  log.runs[0]!.results = findings.map(toResult);
  return log;
}

/** The log with `results` standing in for its results, and what makes them. */
function sarifParts(
  result: ScanResult,
  rules: readonly Rule[],
  options: SarifOptions,
  results: unknown,
): { log: Sarif.Log; findings: LocatedFinding[]; toResult: (finding: LocatedFinding) => Sarif.Result } {
  const locate = artifactLocator(result.root, options.pathPrefix ?? '');
  const findings = orderFindings(result.findings);
  const descriptors = ruleMetadata(findings, rules).map(reportingDescriptor);
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const toResult = (f: LocatedFinding): Sarif.Result => sarifResult(f, ruleIndex.get(f.ruleId) ?? -1, locate);
  return { log: sarifLog(result, descriptors, locate, results as Sarif.Result[]), findings, toResult };
}

function sarifLog(result: ScanResult, descriptors: Sarif.ReportingDescriptor[], locate: ArtifactLocator, results: Sarif.Result[]): Sarif.Log {
  const tool = toolInfo();
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: descriptors,
          },
        },
        invocations: [invocation(result, locate)],
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: SOURCE_ROOT_DESCRIPTION } } },
        // Columns are JavaScript string offsets: UTF-16 code units, not code points.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/**
 * One entry per rule id among the findings, sorted by id so the file diffs cleanly between runs. Its
 * precision is that of the weakest of its findings, so that the descriptor never claims more than
 * a result it describes (github-pat-classic matches as a pattern, and its checksum makes every
 * finding 'checksum').
 */
function ruleMetadata(findings: readonly LocatedFinding[], rules: readonly Rule[]): RuleMetadata[] {
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const byId = new Map<string, RuleMetadata>();
  for (const finding of findings) {
    const known = byId.get(finding.ruleId);
    if (known) {
      if (CONFIDENCE_STRENGTH[finding.confidence] < CONFIDENCE_STRENGTH[known.confidence]) known.confidence = finding.confidence;
      continue;
    }
    const rule = rulesById.get(finding.ruleId);
    byId.set(finding.ruleId, rule ? metadataFromRule(rule, finding.confidence) : metadataFromFinding(finding));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function metadataFromRule(rule: Rule, confidence: Confidence): RuleMetadata {
  return {
    id: rule.id,
    provider: rule.provider,
    title: rule.title,
    severity: rule.severity,
    confidence,
    remediation: rule.remediation,
  };
}

function metadataFromFinding(finding: LocatedFinding): RuleMetadata {
  return {
    id: finding.ruleId,
    provider: finding.provider,
    title: finding.title,
    severity: finding.severity,
    confidence: finding.confidence,
    remediation: finding.remediation,
  };
}

function reportingDescriptor(rule: RuleMetadata): Sarif.ReportingDescriptor {
  const falsePositive = 'If this is not a real credential, add `leakstop:allow` to its line or add its fingerprint to the baseline.';
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `Detects a leaked ${rule.title} in files or git history (leakstop rule ${rule.id}). ${CONFIDENCE_SENTENCE[rule.confidence]}` },
    help: {
      text: `${rule.remediation}\n\nRemoving the secret from the code does not make it safe: it stays in git history and must be revoked. ${falsePositive}`,
      markdown: `**${rule.title}** (\`${rule.id}\`)\n\n${rule.remediation}\n\nRemoving the secret from the code does not make it safe: it stays in git history and must be revoked. ${falsePositive}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'secret', rule.provider],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: PRECISION[rule.confidence],
    },
  };
}

/** 'github-pat-classic' → 'GithubPatClassic': SARIF wants a rule name that reads as an identifier. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function sarifResult(finding: LocatedFinding, ruleIndex: number, locate: ArtifactLocator): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: resultMessage(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: locate(finding.path),
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    // GitHub tracks an alert across runs by these; ours depends on the rule and secret only, so
    // the alert survives the line moving.
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: resultProperties(finding),
  };
}

/** GitHub shows the first sentence as the alert title: the rule title and the redacted value. */
function resultMessage(finding: LocatedFinding): string {
  const details = Object.entries(finding.details).map(([key, value]) => `${detailLabel(key)}: ${value}`);
  const where = finding.commit ? ` Introduced in commit ${finding.commit.slice(0, 7)}.` : '';
  const facts = details.length > 0 ? ` ${details.join(', ')}.` : '';
  return `${finding.title} found: ${finding.secret.redacted}.${facts}${where}`;
}

/** The finding's own confidence and the precision it gives, in the rule descriptor's terms. */
function resultProperties(finding: LocatedFinding): Sarif.PropertyBag {
  const properties: Sarif.PropertyBag = { severity: finding.severity, confidence: finding.confidence, precision: PRECISION[finding.confidence] };
  if (finding.commit !== undefined) properties['commit'] = finding.commit;
  if (finding.author !== undefined) properties['author'] = finding.author;
  if (finding.date !== undefined) properties['date'] = finding.date;
  return properties;
}

type ArtifactLocator = (path: string) => Sarif.ArtifactLocation;

/**
 * Relative to %SRCROOT% (the repository root): the prefix places a path of a scanned subdirectory
 * or single file in the tree, '/'-separated and percent-encoded (a SARIF uri is a URI reference, so
 * a space or '#' in a file name must be escaped). A path outside the scan root gets an absolute
 * file URI, the only honest location left.
 */
function artifactLocator(root: string, pathPrefix: string): ArtifactLocator {
  return (path) => {
    const rel = relativePosixPath(root, path);
    if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return { uri: pathToFileURL(resolve(root, path)).href };
    return { uri: (pathPrefix + rel).split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
  };
}

/**
 * The run's counts, whether it is complete, which config it used, one note per skip reason, and a
 * warning per item left unread (its detail, never content) and for a shallow history, so a SARIF
 * viewer also sees what was not scanned. The run itself succeeded: its results are all valid.
 */
function invocation(result: ScanResult, locate: ArtifactLocator): Sarif.Invocation {
  const summary = summarize(result);
  const notes: Sarif.Notification[] = Object.entries(summary.skippedByReason).map(([reason, count]) => ({
    level: 'note',
    message: { text: `Skipped ${count} file${count === 1 ? '' : 's'}: ${skipReasonLabel(reason)}.` },
  }));
  const unread = unreadItems(result.stats.skipped);
  const warnings = unread.slice(0, MAX_UNREAD_NOTIFICATIONS).map((item) => unreadNotification(item, locate));
  if (unread.length > MAX_UNREAD_NOTIFICATIONS) {
    warnings.push({ level: 'warning', message: { text: `${unread.length - MAX_UNREAD_NOTIFICATIONS} more items could not be read; the JSON report lists them all.` } });
  }
  if (summary.shallow === true) {
    warnings.push({ level: 'warning', message: { text: "The repository is a shallow clone: commits before its boundary were not scanned. Fetch the full history (actions/checkout fetch-depth: 0)." } });
  }
  const commits = summary.commitsScanned === undefined ? {} : { commitsScanned: summary.commitsScanned };
  const properties: Sarif.PropertyBag = {
    filesScanned: summary.filesScanned,
    bytesScanned: summary.bytesScanned,
    ...commits,
    baselined: summary.baselined,
    allowedInline: summary.allowedInline,
    skipped: summary.skipped,
    durationMs: summary.durationMs,
    incomplete: summary.incomplete,
    ...(summary.shallow === undefined ? {} : { shallow: summary.shallow }),
    ...(summary.config === undefined ? {} : { config: summary.config }),
  };
  return { executionSuccessful: true, toolExecutionNotifications: [...warnings, ...notes], properties };
}

function unreadNotification(item: SkippedFile, locate: ArtifactLocator): Sarif.Notification {
  const commit = item.commit ? ` in commit ${item.commit.slice(0, 7)}` : '';
  const detail = item.detail ? ` (${item.detail})` : '';
  return {
    level: 'warning',
    message: { text: `Could not read ${item.path}${commit}${detail}: not scanned, so the scan is incomplete.` },
    locations: [{ physicalLocation: { artifactLocation: locate(item.path) } }],
  };
}
