import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatText } from '../../src/report/text.js';
import { awsFinding, cleanResult, expectNoRawSecret, githubFinding, incompleteResult, makeFinding, sampleResult } from './sample-result.js';

describe('formatText', () => {
  const output = formatText(sampleResult(), { color: false });

  it('locates each finding and names its rule, severity and fix', () => {
    expect(output).toContain('src/config.ts:12:18');
    expect(output).toContain('CRITICAL  GitHub personal access token (classic) (github-pat-classic)');
    expect(output).toContain('Revoke the token at https://github.com/settings/tokens and create a new one.');
    expect(output).toContain('LOW  Generic API key (generic-api-key)');
  });

  it('shows the commit, author and day for a git finding', () => {
    expect(output).toContain('deploy/my settings.env:3:23  commit abc1234 (Jane Doe, 2024-05-01)');
  });

  it('shows the redacted value, a short fingerprint, the confidence and the offline details', () => {
    expect(output).toContain(githubFinding.secret.redacted);
    expect(output).toContain(awsFinding.secret.redacted);
    expect(output).toContain(githubFinding.fingerprint.slice(0, 12));
    expect(output).not.toContain(githubFinding.fingerprint);
    expect(output).toMatch(/confidence\s+checksum/);
    expect(output).toMatch(/aws account id\s+123456789012/);
  });

  it('never contains a raw secret, with or without colour or verbosity', () => {
    expectNoRawSecret(output);
    expectNoRawSecret(formatText(sampleResult(), { color: true, verbose: true }));
  });

  it('lists findings in file order whatever order the scan produced them in', () => {
    const positions = ['a/notes.txt:1:9', 'deploy/my settings.env:3:23', 'src/config.ts:12:18'].map((where) => output.indexOf(where));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('summarises counts by severity and provider, what was scanned, and what was not reported', () => {
    expect(output).toContain('3 leaks found: 2 critical, 1 low (by provider: aws 1, generic 1, github 1)');
    expect(output).toContain('Scanned 120 files (1.2 MB), 14 commits in 800 ms (1.5 MB/s).');
    expect(output).toContain('Not reported: 1 baselined, 2 allowed inline (leakstop:allow).');
  });

  it('prints skipped counts by reason, and lists the paths only when verbose', () => {
    expect(output).toContain('Skipped 3 files: 2 binary, 1 too large. Run with --verbose to list them.');
    expect(output).not.toContain('assets/logo.png');

    const verbose = formatText(sampleResult(), { color: false, verbose: true });
    expect(verbose).toContain('Skipped 3 files: 2 binary, 1 too large.\n');
    expect(verbose).toMatch(/binary\s+assets\/font\.woff\n/);
    expect(verbose).toMatch(/binary\s+assets\/logo\.png \(12\.3 kB\)\n/);
    expect(verbose).toMatch(/too-large\s+dump\.sql \(25\.0 MB\) in commit fedcba9\n/);
  });

  it('prints a one-line summary with counts for a clean scan', () => {
    const clean = formatText(cleanResult(), { color: false });
    expect(clean).toBe('No leaks found in /work/repo: scanned 42 files (5.0 kB) in 25 ms (200.0 kB/s).\n');
  });

  it('still prints skipped counts and suppressed findings on a clean scan', () => {
    const result = cleanResult();
    result.stats.skipped = [{ path: 'vendor/lib.so', reason: 'binary', bytes: 2048 }];
    result.stats.baselined = 3;
    const clean = formatText(result, { color: false });
    expect(clean).toContain('No leaks found in /work/repo: scanned 42 files (5.0 kB) in 25 ms (200.0 kB/s) (not reported: 3 baselined).');
    expect(clean).toContain('Skipped 1 file: 1 binary. Run with --verbose to list them.');
  });

  it('uses ANSI colour only when asked', () => {
    expect(output).not.toContain('\x1b');
    expect(formatText(cleanResult(), { color: false })).not.toContain('\x1b');
    const colored = formatText(sampleResult(), { color: true });
    expect(colored).toContain('\x1b[1m\x1b[31mCRITICAL\x1b[39m\x1b[22m');
    expect(formatText(cleanResult(), { color: true })).toContain('\x1b[32mNo leaks found\x1b[39m');
  });

  it('neutralises terminal control characters in file names, authors and details', () => {
    const evil = makeFinding({
      ruleId: 'generic-api-key',
      provider: 'generic',
      title: 'Generic API key',
      severity: 'low',
      confidence: 'entropy',
      raw: 'q7Yt2Lm9Xp4Vr8Nc3Wd6Kb1Hs5',
      path: 'evil\x1b[2Jname\u202Etxt.js',
      line: 1,
      column: 1,
      details: { issuer: 'bad\x07value' },
      remediation: 'Revoke it.',
      git: { commit: 'abc1234abc1234abc1234abc1234abc1234abc12', author: 'Mallory\x1b]0;owned\x07', authorEmail: 'm@example.com', date: 'yesterday' },
    });
    const text = formatText({ ...cleanResult(), findings: [evil], stats: { ...cleanResult().stats, skipped: [{ path: 'x\x1by', reason: 'binary' }] } }, { color: false, verbose: true });
    for (const unsafe of ['\x07', '\x1b', '\u202e']) expect(text).not.toContain(unsafe);
    expect(text).toContain('evil?[2Jname?txt.js:1:1  commit abc1234 (Mallory?]0;owned?, yesterday)');
    expect(text).toContain('bad?value');
    expect(text).toContain('x?y');
  });
});

describe('formatText of an incomplete scan', () => {
  const text = formatText(incompleteResult(), { color: false });

  it('says incomplete, not "No leaks found", when something could not be read', () => {
    expect(text).not.toMatch(/no leaks found/i);
    expect(text).toContain('Scan incomplete: 2 items could not be read in /work/repo, no leaks in the rest: scanned 42 files (5.0 kB), 1 commit in 25 ms');
  });

  it('lists every unread item with its detail even without --verbose, and the other skips only by count', () => {
    expect(text).toMatch(/unreadable\s+deploy\/app\.env in commit fedcba9: missing object 0123456789abcdef0123456789abcdef01234567\n/);
    expect(text).toMatch(/unreadable\s+secrets\/: EACCES\n/);
    expect(text).toContain('Skipped 3 files: 2 unreadable, 1 binary. Run with --verbose to list them.');
    expect(text).not.toContain('assets/logo.png');
  });

  it('lists an unread item once when verbose', () => {
    const verbose = formatText(incompleteResult(), { color: false, verbose: true });
    expect(verbose.match(/secrets\//g)).toHaveLength(1);
    expect(verbose).toMatch(/binary\s+assets\/logo\.png \(12\.3 kB\)\n/);
  });

  it('also says incomplete after the findings when there are some', () => {
    const withFindings = formatText({ ...incompleteResult(), findings: [githubFinding] }, { color: false });
    expect(withFindings).toContain('1 leak found: 1 critical');
    expect(withFindings).toContain('Scan incomplete: 2 items could not be read.\n');
  });

  it('says the history is shallow and which config was used, in one line each', () => {
    expect(text).toContain("History is shallow: commits before the clone's boundary were not scanned.\n");
    expect(text).toContain("Config: .leakstop.yml at main (the range's base).\n");
    expect(formatText(cleanResult(), { color: false })).not.toMatch(/shallow|Config:/);
  });
});

describe('formatText of a pre-commit check that blocks a commit', () => {
  const staged = { ...sampleResult(), target: 'staged changes in /work/repo', findings: [githubFinding, { ...githubFinding, path: "-it's here.env", line: 2 }] };
  const text = formatText(staged, { color: false, blockedCommit: true });

  it('says the commit is blocked and how many credentials', () => {
    expect(text).toContain('leakstop: commit blocked: 2 leaked credentials in the staged changes.');
  });

  it('says how to unstage each file, quoted for the shell and never read as an option', () => {
    expect(text).toContain(`git restore --staged './-it'\\''s here.env' src/config.ts`);
    expect(text).toContain(`git reset HEAD './-it'\\''s here.env' src/config.ts`);
  });

  it('says how to mark a false positive and that a real secret must be revoked anyway', () => {
    expect(text).toContain('`leakstop:allow`');
    expect(text).toMatch(/--write-baseline FILE accepts every finding shown above; then pass --baseline FILE/);
    expect(text).toContain('must be revoked now, although the commit did not happen: it was on disk');
    expect(text).toMatch(/editor's history/);
  });

  it('says nothing of the kind for a scan, or for a pre-commit check that found nothing', () => {
    expect(formatText(staged, { color: false })).not.toContain('commit blocked');
    expect(formatText({ ...cleanResult(), target: 'staged changes in /work/repo' }, { color: false, blockedCommit: true })).not.toContain('blocked');
  });
});

describe('formatBytes and formatDuration', () => {
  it('uses decimal units and readable durations', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1.5 kB');
    expect(formatBytes(3_200_000_000)).toBe('3.2 GB');
    expect(formatDuration(340)).toBe('340 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
