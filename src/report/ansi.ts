// Terminal styling, or none at all: the caller decides (stdout is a TTY and NO_COLOR is unset).
import type { Severity } from '../detect/rule.js';

export interface Painter {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  /** A severity word in its colour: critical stands out most. */
  severity(severity: Severity, text: string): string;
}

const plain: Painter = {
  bold: (text) => text,
  dim: (text) => text,
  green: (text) => text,
  yellow: (text) => text,
  severity: (_severity, text) => text,
};

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\x1b[${open}m${text}\x1b[${close}m`;
}

const bold = sgr(1, 22);
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const cyan = sgr(36, 39);

const SEVERITY_STYLE: Record<Severity, (text: string) => string> = {
  critical: (text) => bold(red(text)),
  high: red,
  medium: yellow,
  low: cyan,
};

const colored: Painter = {
  bold,
  dim: sgr(2, 22),
  green: sgr(32, 39),
  yellow,
  severity: (severity, text) => SEVERITY_STYLE[severity](text),
};

export function painter(color: boolean): Painter {
  return color ? colored : plain;
}
