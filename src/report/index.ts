// The output of `leakstop scan` in the format asked for.
import type { Rule } from '../detect/rule.js';
import type { ScanResult } from '../scan/result.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

export interface ReportOptions {
  /** Text only: ANSI colour. */
  color?: boolean;
  /** Text only: list every skipped file. */
  verbose?: boolean;
  /** SARIF only: the engine's rules, for rule metadata (titles, severities, remediation). */
  rules?: readonly Rule[];
}

export function formatResult(result: ScanResult, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(result, { color: options.color ?? false, verbose: options.verbose ?? false });
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, options.rules ?? []);
  }
}
