// The name a replacement gets in the operator's sink: derived from the repository and the rule only,
// in each sink's alphabet, so that no repository name can reach outside leakstop's own names.
import { describe, expect, it } from 'vitest';
import { rotationName } from '../../src/respond/rotation-name.js';

const SUBJECT = { owner: 'octo-org', repo: 'payments-api', ruleId: 'aws-secret-access-key' };

describe('rotationName for GitHub Actions', () => {
  it('is LEAKSTOP_<REPO>_<RULE> in upper snake case', () => {
    expect(rotationName('github-actions', SUBJECT)).toBe('LEAKSTOP_PAYMENTS_API_AWS_SECRET_ACCESS_KEY');
  });

  it('stays within [A-Z0-9_] whatever the repository is called, never with empty parts', () => {
    const names = [
      rotationName('github-actions', { ...SUBJECT, repo: '.github', ruleId: 'github-pat-classic' }),
      rotationName('github-actions', { ...SUBJECT, repo: '---', ruleId: '___' }),
      rotationName('github-actions', { ...SUBJECT, repo: 'café.déjà-vu', ruleId: 'slack/bot token' }),
    ];
    expect(names).toEqual(['LEAKSTOP_GITHUB_GITHUB_PAT_CLASSIC', 'LEAKSTOP_X_X', 'LEAKSTOP_CAF_D_J_VU_SLACK_BOT_TOKEN']);
    for (const name of names) {
      expect(name).toMatch(/^[A-Z0-9_]+$/);
      // GitHub refuses secret names starting with GITHUB_ or a digit.
      expect(name).toMatch(/^LEAKSTOP_/);
      expect(name).not.toMatch(/__/);
    }
  });

  it('is cut to 200 characters', () => {
    const name = rotationName('github-actions', { ...SUBJECT, repo: 'r'.repeat(100), ruleId: 'k'.repeat(150) });
    expect(name).toHaveLength(200);
    expect(name.startsWith('LEAKSTOP_RRR')).toBe(true);
  });

  it('ignores the owner: the sink names the repository or organisation already', () => {
    expect(rotationName('github-actions', { ...SUBJECT, owner: 'someone-else' })).toBe(rotationName('github-actions', SUBJECT));
  });
});

describe('rotationName for path sinks (Vault, Secrets Manager)', () => {
  it('is leakstop/<owner>/<repo>/<rule>', () => {
    expect(rotationName('path', SUBJECT)).toBe('leakstop/octo-org/payments-api/aws-secret-access-key');
  });

  it('keeps every name to four segments of [A-Za-z0-9_.-], none of them . or ..', () => {
    const hostile = [
      { owner: '..', repo: '.', ruleId: 'rule' },
      { owner: 'octo-org', repo: '../../sys/mounts', ruleId: 'rule' },
      { owner: 'octo org', repo: 'a/b', ruleId: 'x?y#z' },
      { owner: '', repo: '...', ruleId: '' },
    ];
    const names = hostile.map((subject) => rotationName('path', subject));
    expect(names).toEqual(['leakstop/_/_/rule', 'leakstop/octo-org/..-..-sys-mounts/rule', 'leakstop/octo-org/a-b/x-y-z', 'leakstop/_/_/_']);
    for (const name of names) {
      const segments = name.split('/');
      expect(segments).toHaveLength(4);
      for (const segment of segments) {
        expect(segment).toMatch(/^[A-Za-z0-9_.-]+$/);
        expect(segment).not.toMatch(/^\.+$/);
      }
    }
    // A space and a slash become one dash each run; the owner keeps its case.
    expect(rotationName('path', { owner: 'Octo Org', repo: 'r', ruleId: 'k' })).toBe('leakstop/Octo-Org/r/k');
  });

  it('cuts each segment to 100 characters', () => {
    const name = rotationName('path', { ...SUBJECT, repo: 'r'.repeat(150) });
    expect(name.split('/')[2]).toHaveLength(100);
  });
});
