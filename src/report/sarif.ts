// `leakstop scan --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (upload-sarif or the
// code-scanning API). One run; one rule descriptor per rule that produced a finding; one result per
// finding, located relative to %SRCROOT% so alerts match the repository tree. Only the redacted
// value of a secret ever appears.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { LocatedFinding } from '../detect/finding.js';
import type { Confidence, Rule, Severity } from '../detect/rule.js';
import type { ScanResult } from '../scan/result.js';
import { toolInfo } from '../version.js';
import { detailLabel, relativePosixPath, skipReasonLabel } from './labels.js';
import { orderFindings, summarize } from './summary.js';

/** The $schema GitHub's documentation uses. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in result.partialFingerprints; bump the suffix if fingerprint() changes. */
export const SARIF_FINGERPRINT_KEY = 'leakstop/v1';
const SOURCE_ROOT = '%SRCROOT%';

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

const CONFIDENCE_SENTENCE: Record<Confidence, string> = {
  checksum: "A match is confirmed offline by the token's built-in checksum.",
  structure: 'A match is confirmed offline by decoding its structure.',
  pattern: 'A match is found by its pattern near a keyword of the provider.',
  entropy: 'A match is found by its randomness (entropy) near a keyword; expect some false positives.',
};

/** What a rule descriptor says, from the engine's rule or, for a combined finding (e.g. an AWS key pair), from the finding. */
interface RuleMetadata {
  id: string;
  provider: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  remediation: string;
}

export function formatSarif(result: ScanResult, rules: readonly Rule[]): string {
  return `${JSON.stringify(buildSarifLog(result, rules), null, 2)}\n`;
}

export function buildSarifLog(result: ScanResult, rules: readonly Rule[]): Sarif.Log {
  const tool = toolInfo();
  const findings = orderFindings(result.findings);
  const descriptors = ruleMetadata(findings, rules).map(reportingDescriptor);
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
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
        invocations: [invocation(result)],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(result.root) } },
        // Columns are JavaScript string offsets: UTF-16 code units, not code points.
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => sarifResult(f, ruleIndex.get(f.ruleId) ?? -1, result.root)),
      },
    ],
  };
}

/** One entry per rule id among the findings, sorted by id so the file diffs cleanly between runs. */
function ruleMetadata(findings: readonly LocatedFinding[], rules: readonly Rule[]): RuleMetadata[] {
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const byId = new Map<string, RuleMetadata>();
  for (const finding of findings) {
    if (byId.has(finding.ruleId)) continue;
    const rule = rulesById.get(finding.ruleId);
    byId.set(finding.ruleId, rule ? metadataFromRule(rule) : metadataFromFinding(finding));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function metadataFromRule(rule: Rule): RuleMetadata {
  return {
    id: rule.id,
    provider: rule.provider,
    title: rule.title,
    severity: rule.severity,
    confidence: rule.confidence ?? 'pattern',
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

function sarifResult(finding: LocatedFinding, ruleIndex: number, root: string): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: resultMessage(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(root, finding.path),
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

function resultProperties(finding: LocatedFinding): Sarif.PropertyBag {
  const properties: Sarif.PropertyBag = { severity: finding.severity, confidence: finding.confidence };
  if (finding.commit !== undefined) properties['commit'] = finding.commit;
  if (finding.author !== undefined) properties['author'] = finding.author;
  if (finding.date !== undefined) properties['date'] = finding.date;
  return properties;
}

/**
 * Relative to %SRCROOT%, '/'-separated and percent-encoded (a SARIF uri is a URI reference, so a
 * space or '#' in a file name must be escaped). A path outside the root gets an absolute file URI.
 */
function artifactLocation(root: string, path: string): Sarif.ArtifactLocation {
  const rel = relativePosixPath(root, path);
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return { uri: pathToFileURL(resolve(root, path)).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** A base URI must end with '/' or the last segment is replaced when resolving against it. */
function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The run's counts, and one note per skip reason so a SARIF viewer also sees what was not scanned. */
function invocation(result: ScanResult): Sarif.Invocation {
  const summary = summarize(result);
  const notifications: Sarif.Notification[] = Object.entries(summary.skippedByReason).map(([reason, count]) => ({
    level: 'note',
    message: { text: `Skipped ${count} file${count === 1 ? '' : 's'}: ${skipReasonLabel(reason)}.` },
  }));
  const commits = summary.commitsScanned === undefined ? {} : { commitsScanned: summary.commitsScanned };
  const properties: Sarif.PropertyBag = {
    filesScanned: summary.filesScanned,
    bytesScanned: summary.bytesScanned,
    ...commits,
    baselined: summary.baselined,
    allowedInline: summary.allowedInline,
    skipped: summary.skipped,
    durationMs: summary.durationMs,
  };
  return { executionSuccessful: true, toolExecutionNotifications: notifications, properties };
}
