// Tencent Cloud pairing: a SecretKey found with its SecretId is one finding, the id redacted in details.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { tencent } from '../../../src/providers/tencent/rules.js';

const engine = createEngine({ providers: [tencent] });

const SECRET_ID = 'AKIDwnm7vFY8JDeC2JBD6Y5olK0dUA724FSF';
const SECRET_KEY = 'DC9dWZ3l49Y3t1UcSf0NSCSgOWl0xWop';
const OTHER_ID = 'AKIDsx5HspHLz74FlH1y40eCEp1uJCirJxSy';
const OTHER_KEY = '83r4l3FcruB3bdzwoR22ENMneFI02Ulh';

function scan(text: string) {
  return engine.scanText(text).findings.map((f) => ({ ruleId: f.ruleId, secret: f.secret.reveal(), details: f.details, related: f.related?.['secretId']?.reveal() }));
}

describe('tencent provider', () => {
  it('reports a SecretId and its SecretKey as one finding on the key', () => {
    expect(scan(`TENCENTCLOUD_SECRET_ID=${SECRET_ID}\nTENCENTCLOUD_SECRET_KEY=${SECRET_KEY}`)).toEqual([
      { ruleId: 'tencent-secret-key', secret: SECRET_KEY, details: { secretId: `AKID…${SECRET_ID.slice(-4)} (36 chars)` }, related: SECRET_ID },
    ]);
  });

  it('pairs each key with its nearest id when a file holds two profiles', () => {
    const text = `[default]\nsecret_id = ${SECRET_ID}\nsecret_key = ${SECRET_KEY}\n[ci]\nsecret_id = ${OTHER_ID}\nsecret_key = ${OTHER_KEY}\n`;
    expect(scan(text).map((f) => [f.secret, f.related])).toEqual([
      [SECRET_KEY, SECRET_ID],
      [OTHER_KEY, OTHER_ID],
    ]);
  });

  it('leaves an id alone when no key is near', () => {
    expect(scan(`TENCENTCLOUD_SECRET_ID=${SECRET_ID}`).map((f) => f.ruleId)).toEqual(['tencent-secret-id']);
  });
});
