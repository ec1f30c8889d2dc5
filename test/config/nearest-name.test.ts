import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/config/nearest-name.js';

describe('nearestName', () => {
  const rules = ['github-pat-classic', 'github-pat-fine-grained', 'github-oauth-token', 'generic-secret'];

  it('finds the name a typo meant: a missing letter, a swap, another case', () => {
    expect(nearestName('github-pat-clasic', rules)).toBe('github-pat-classic');
    expect(nearestName('disabel', ['disable'])).toBe('disable');
    expect(nearestName('Generic-Secret', rules)).toBe('generic-secret');
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(nearestName('aws', rules)).toBeUndefined();
    expect(nearestName('allowlist', ['paths', 'rules', 'scan', 'incidents', 'response'])).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });
});
