import { describe, expect, it } from 'vitest';
import { placeholderReason } from '../../src/detect/placeholder.js';
import { shannonEntropy } from '../../src/detect/entropy.js';

describe('placeholderReason', () => {
  it.each([
    ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', /placeholder|repeated/],
    ['<YOUR_API_KEY>', /template/],
    ['${GITHUB_TOKEN}', /template/],
    ['${{ secrets.NPM_TOKEN }}', /template/],
    ['process.env.STRIPE_KEY', /placeholder/],
    ['AKIAIOSFODNN7EXAMPLE', /placeholder/],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', /placeholder/],
    ['sk_live_000000000000000000000000', /repeated/],
    ['abababababababababababab', /low entropy/],
    ['key-0123456789abcdef0123456789abcdef', /sequential/],
    ['your_api_key_goes_here_please', /placeholder/],
    ['app:%s@db.internal', /template marker '%s'/],
    ['Bearer %s', /template marker '%s'/],
    ['Rk7qW2%s', /template marker '%s'/],
  ])('rejects %s', (value, reason) => {
    expect(placeholderReason(value)).toMatch(reason);
  });

  // A Django secret key (get_random_secret_key's alphabet has '%'): '%s' followed by a digit.
  it.each(['hv%s1f)@g#t2%x16n*-!w6!8i)!_kz(^&d(fvsa1dh3td(z=x+', 'ghp_R8wq2Lk9VbN3mZt6Yx1Hc4Jf7Pd0Ss5Ga2Ue', 'sk_live_51Hx9Qk2Lm8Np4Rt7Vw3Yz6Bc', 'xoxb-2847561930-5829371046-Kq8Wn2Lp5Rt9Vx3Yz6Bc1Df4'])(
    'accepts random-looking %s',
    (value) => {
      expect(placeholderReason(value)).toBeUndefined();
    },
  );
});

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
});
