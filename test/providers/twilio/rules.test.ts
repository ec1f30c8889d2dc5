import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { twilio } from '../../../src/providers/twilio/rules.js';

const engine = createEngine({ providers: [twilio] });

describe('twilio rules', () => {
  it('reports the account SID an auth token is passed with, so the response can verify the pair', () => {
    const [finding] = engine.scanText("const client = require('twilio')('AC23de113bc731f85e1c523c5444b85bbc', '5c190b4d26ae0b905decba5d24f786e4');").findings;
    expect(finding?.ruleId).toBe('twilio-auth-token');
    expect(finding?.details).toEqual({ twilioAccountSid: 'AC23de113bc731f85e1c523c5444b85bbc' });
  });

  it('reports no SID for a token assigned alone', () => {
    const [finding] = engine.scanText('TWILIO_AUTH_TOKEN=7ff5332c9b59eca76c5497f891dbe625').findings;
    expect(finding?.ruleId).toBe('twilio-auth-token');
    expect(finding?.details).toEqual({});
  });
});
