// The name a replacement credential gets in the operator's rotation sink, derived from where the
// leak was and which kind of credential it is, never from repository config (which must not be able
// to overwrite another repository's secret). Each sink has its own alphabet.
export interface RotationSubject {
  owner: string;
  repo: string;
  ruleId: string;
}

/**
 * GitHub Actions: `LEAKSTOP_<REPO>_<RULE>` in [A-Z0-9_] (the sink names one repository or
 * organisation already); Vault and Secrets Manager: `leakstop/<owner>/<repo>/<rule>`.
 */
export function rotationName(style: 'github-actions' | 'path', subject: RotationSubject): string {
  if (style === 'github-actions') return `LEAKSTOP_${upperSnake(subject.repo)}_${upperSnake(subject.ruleId)}`.slice(0, 200);
  return ['leakstop', subject.owner, subject.repo, subject.ruleId].map(pathSegment).join('/');
}

function upperSnake(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'X';
}

/** Vault KV and Secrets Manager both accept [A-Za-z0-9_.-] segments; '.' alone or '..' never. */
function pathSegment(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 100);
  return /^\.+$/.test(safe) || safe === '' ? '_' : safe;
}
