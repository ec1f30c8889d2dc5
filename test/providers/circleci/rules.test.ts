// CircleCI's token ids are base58 version-4 UUIDs: the rule decodes them. The samples in rules.ts
// cover a valid token and a v1-style id; these cover ids that are not 128-bit values at all.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { circleci } from '../../../src/providers/circleci/rules.js';

const engine = createEngine({ providers: [circleci] });
const HEX = 'e61bcc1cc9f2559c204e2d75e2c0fc013ac6fe41';

describe('circleci-personal-api-token rule', () => {
  it('accepts a 21-character id (a UUID whose base58 form is one digit shorter)', () => {
    // 079cb857-d77d-4cf5-82bf-4c2d1d1add32: a v4 UUID below 58^21, so its base58 form has 21 digits.
    const findings = engine.scanText(`CIRCLECI_TOKEN=CCIPAT_wX7S7kBnQ1SfrmxffJXih_${HEX}`).findings;
    expect(findings.map((finding) => finding.confidence)).toEqual(['structure']);
  });

  it('rejects a 22-character id above 128 bits', () => {
    expect(engine.scanText(`CIRCLECI_TOKEN=CCIPAT_zzzzzzzzzzzzzzzzzzzzzz_${HEX}`).findings).toEqual([]);
  });
});
