// The output of `leakstop scan` in the format asked for.
import type { Rule } from '../detect/rule.js';
import type { ScanResult } from '../scan/result.js';
import { formatJson, jsonChunks } from './json.js';
import { formatSarif, sarifChunks } from './sarif.js';
import { formatText, textChunks } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

export interface ReportOptions {
  /** Text only: ANSI colour. */
  color?: boolean;
  /** Text only: list every skipped file. */
  verbose?: boolean;
  /** SARIF only: the engine's rules, for rule metadata (titles, severities, remediation). */
  rules?: readonly Rule[];
  /**
   * SARIF only: what goes before a finding's path to make it relative to the repository root, e.g.
   * 'src/' for `leakstop scan src` (see repositoryPathPrefix in src/cli). Default ''.
   */
  pathPrefix?: string;
  /** Text only: the scan was a pre-commit check (`protect --staged`), so findings block the commit. */
  blockedCommit?: boolean;
}

export function formatResult(result: ScanResult, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, { color: options.color ?? false, verbose: options.verbose ?? false, blockedCommit: options.blockedCommit ?? false });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, options.rules ?? [], { pathPrefix: options.pathPrefix ?? '' });
  }
}

/**
 * formatResult's text in chunks, for writing: a report of many findings is never one string in
 * memory (see jsonChunks).
 */
export function reportChunks(result: ScanResult, format: ReportFormat, options: ReportOptions = {}): Iterable<string> {
  switch (format) {
    case 'text':
      return textChunks(result, { color: options.color ?? false, verbose: options.verbose ?? false, blockedCommit: options.blockedCommit ?? false });
    case 'json':
      return jsonChunks(result);
    case 'sarif':
      return sarifChunks(result, options.rules ?? [], { pathPrefix: options.pathPrefix ?? '' });
  }
}
