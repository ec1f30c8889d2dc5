// A finding as the engine reports it for one scanned text: where, which rule, and the secret wrapped.
import type { Confidence, Severity } from './rule.js';
import type { Secret } from './secret.js';

export interface Finding {
  ruleId: string;
  provider: string;
  title: string;
  severity: Severity;
  confidence: Confidence;
  /** The credential; serialises only as its redacted form. */
  secret: Secret;
  /** sha256-based id of (rule, secret), see secret.ts: safe to store and show. */
  fingerprint: string;
  /** 1-based position of the secret in the scanned text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offline facts (AWS account id, JWT issuer...), safe to show. */
  details: Record<string, string>;
  /**
   * Other secrets found with this one, which the leak response needs (an AWS pair's access key id).
   * Wrapped like `secret`; reports show `details`, never these.
   */
  related?: Record<string, Secret>;
  remediation: string;
}

/** A finding placed in its source: a file of a tree, or an added line of a commit. */
export interface LocatedFinding extends Finding {
  path: string;
  commit?: string;
  author?: string;
  authorEmail?: string;
  date?: string;
}
