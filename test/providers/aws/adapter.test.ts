import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsAccountIdFromKeyId } from '../../../src/detect/checksum.js';
import { Secret } from '../../../src/detect/secret.js';
import { createAwsAdapter, userNameFromArn } from '../../../src/providers/aws/adapter.js';
import type { AwsSettings } from '../../../src/providers/aws/settings.js';
import type { Credential, ProviderContext } from '../../../src/providers/contract.js';
import { parseOperatorSettings } from '../../../src/providers/index.js';
import { formField, mockHttp, type HttpMock } from '../request-recorder.js';

const STS = 'https://sts.aws.test';
const IAM = 'https://iam.aws.test';
const ACCOUNT = '123456789012';
const NOW = new Date('2026-11-23T13:00:00Z');
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A long-term key id that encodes `account`, as AWS's own ids since 2019 do (see checksum.ts). */
function keyIdFor(account: string, prefix = 'AKIA'): string {
  // Bit 47 set puts the first base32 character at Q or later: the account-encoding layout.
  const firstSixBytes = (1n << 47n) | (BigInt(account) << 7n) | BigInt(randomInt(128));
  let bits = (firstSixBytes << 2n) | BigInt(randomInt(4));
  let encoded = '';
  for (let i = 0; i < 10; i++, bits >>= 5n) encoded = BASE32[Number(bits & 31n)]! + encoded;
  for (let i = 0; i < 6; i++) encoded += BASE32[randomInt(32)]!;
  return prefix + encoded;
}

function secretKey(): string {
  return randomBytes(30).toString('base64');
}

function xml(action: string, result: string): string {
  return `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`;
}

function xmlEmpty(action: string): string {
  return `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`;
}

function xmlError(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4c4a1b6e-90d2-4c1a-9a55-0f3bEXAMPLE</RequestId></ErrorResponse>`;
}

const XML = { 'content-type': 'text/xml' };

function callerIdentity(arn: string): string {
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDASAMPLEUSERID</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

function lastUsed(user: string): string {
  return xml('GetAccessKeyLastUsed', `<AccessKeyLastUsed><Region>eu-west-1</Region><LastUsedDate>2026-11-23T12:58:00Z</LastUsedDate><ServiceName>s3</ServiceName></AccessKeyLastUsed><UserName>${user}</UserName>`);
}

const action = (name: string) => (body: unknown) => formField(body, 'Action') === name;

function settings(overrides: Partial<AwsSettings> = {}): AwsSettings {
  return {
    operators: {},
    regions: ['us-east-1'],
    endpoints: { sts: STS, iam: IAM, cloudtrail: 'https://cloudtrail.{region}.aws.test' },
    quarantinePolicyArns: ['arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV4', 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3'],
    maxAttempts: 1,
    ...overrides,
  };
}

const OPERATOR_KEY_ID = 'AKIAOPERATOR0EXAMPLE';
const OPERATOR_SECRET = 'operatorSecretKeyValueThatIsFortyCharsXX';
const operatorEnv = { OPS_AWS_KEY_ID: OPERATOR_KEY_ID, OPS_AWS_SECRET: OPERATOR_SECRET };
const withOperator = settings({ operators: { [ACCOUNT]: { accessKeyIdEnv: 'OPS_AWS_KEY_ID', secretAccessKeyEnv: 'OPS_AWS_SECRET' } } });

function ctx(): ProviderContext {
  return { fetch, settings: parseOperatorSettings({}), now: () => NOW };
}

function pair(keyId: string, secret: string): Credential {
  return { secret: new Secret(secret), ruleId: 'aws-access-key-pair', fingerprint: 'f'.repeat(32), details: { accessKeyId: keyId, awsAccountId: ACCOUNT }, related: { accessKeyId: new Secret(keyId) } };
}

describe('the AWS adapter', () => {
  let http: HttpMock;
  let keyId: string;
  let secret: string;

  beforeEach(() => {
    http = mockHttp();
    keyId = keyIdFor(ACCOUNT);
    secret = secretKey();
  });

  afterEach(() => {
    http.verifyDone();
    // The secret access key never travels: SigV4 sends only a signature made with it.
    http.expectNotSent(secret);
    http.expectNotSent(OPERATOR_SECRET);
    http.dispose();
  });

  it('builds test key ids the decoder reads back', () => {
    expect(awsAccountIdFromKeyId(keyId)).toBe(ACCOUNT);
  });

  describe('verify', () => {
    it('reports a live key with the identity STS signs it as', async () => {
      http.scope(STS).post('/', action('GetCallerIdentity')).reply(200, callerIdentity(`arn:aws:iam::${ACCOUNT}:user/deploy/ci-bot`), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'done', data: { account: `arn:aws:iam::${ACCOUNT}:user/deploy/ci-bot`, owner: ACCOUNT, type: 'IAM user' }, summary: `live: the key signs as arn:aws:iam::${ACCOUNT}:user/deploy/ci-bot` });
      expect(http.requests[0]!.headers).toContain(`Credential=${keyId}/`);
    });

    it('signs with the session token of a temporary pair found with it', async () => {
      const temporaryKeyId = keyIdFor(ACCOUNT, 'ASIA');
      const token = `IQoJb3JpZ2luX2Vj${randomBytes(120).toString('base64')}`;
      http.scope(STS).post('/', action('GetCallerIdentity')).reply(200, callerIdentity(`arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci`), XML);
      const credential = pair(temporaryKeyId, secret);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!({ ...credential, related: { ...credential.related, sessionToken: new Secret(token) } }, ctx());
      expect(outcome.status).toBe('done');
      expect(http.requests[0]!.headers).toContain(token);
    });

    it('reports a deactivated or deleted key as not live', async () => {
      http.scope(STS).post('/').reply(403, xmlError('InvalidClientTokenId', 'The security token included in the request is invalid.'), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'not-live', summary: 'STS GetCallerIdentity: AWS does not accept the leaked key (InvalidClientTokenId)' });
    });

    it('reports a key id paired with the wrong secret as not live', async () => {
      http.scope(STS).post('/').reply(403, xmlError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(pair(keyId, secret), ctx());
      expect(outcome.status).toBe('not-live');
    });

    it('reports throttling as a retryable failure', async () => {
      http.scope(STS).post('/').reply(400, xmlError('Throttling', 'Rate exceeded'), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'failed', retryable: true, summary: 'STS GetCallerIdentity failed: rate limited (HTTP 400)' });
    });

    it('reports a server error as a retryable failure', async () => {
      http.scope(STS).post('/').reply(503, xmlError('ServiceUnavailable', 'Service is unable to handle request.'), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(pair(keyId, secret), ctx());
      expect(outcome).toMatchObject({ status: 'failed', retryable: true });
      expect(outcome.summary).toContain('HTTP 503');
    });

    it('cannot verify a key id without its secret', async () => {
      const idOnly: Credential = { secret: new Secret(keyId), ruleId: 'aws-access-key-id', fingerprint: 'f'.repeat(32), details: { awsAccountId: ACCOUNT } };
      const outcome = await createAwsAdapter({ settings: settings() }).verify!(idOnly, ctx());
      expect(outcome.status).toBe('unsupported');
    });
  });

  describe('revoke', () => {
    it('deactivates the key and attaches the quarantine policy with the operator credentials of its account', async () => {
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', (body) => action('UpdateAccessKey')(body) && formField(body, 'Status') === 'Inactive' && formField(body, 'UserName') === 'ci-bot' && formField(body, 'AccessKeyId') === keyId).reply(200, xmlEmpty('UpdateAccessKey'), XML);
      iam.post('/', (body) => action('AttachUserPolicy')(body) && formField(body, 'PolicyArn') === 'arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV4').reply(200, xmlEmpty('AttachUserPolicy'), XML);
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).revoke!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({
        status: 'done',
        data: { reversible: true },
        summary: `deactivated ${keyId} of IAM user ci-bot (reversible: set it Active again); attached AWSCompromisedKeyQuarantineV4 to ci-bot`,
      });
      // Every call was signed by the operator, none by the leaked key.
      for (const request of http.requests) expect(request.headers).toContain(`Credential=${OPERATOR_KEY_ID}/`);
    });

    it('falls back to an older quarantine policy where the newest does not exist', async () => {
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', action('UpdateAccessKey')).reply(200, xmlEmpty('UpdateAccessKey'), XML);
      iam.post('/', (body) => formField(body, 'PolicyArn')?.endsWith('V4') === true).reply(404, xmlError('NoSuchEntity', 'Policy arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV4 does not exist or is not attachable.'), XML);
      iam.post('/', (body) => formField(body, 'PolicyArn')?.endsWith('V3') === true).reply(200, xmlEmpty('AttachUserPolicy'), XML);
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).revoke!(pair(keyId, secret), ctx());
      expect(outcome.summary).toContain('attached AWSCompromisedKeyQuarantineV3 to ci-bot');
    });

    it('assumes the operator role when the account has one', async () => {
      http.scope(STS).post('/', (body) => action('AssumeRole')(body) && formField(body, 'RoleArn') === `arn:aws:iam::${ACCOUNT}:role/leakstop-responder` && formField(body, 'ExternalId') === 'ext-42').reply(
        200,
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLESESSIONEXAMP</AccessKeyId><SecretAccessKey>roleSessionSecretAccessKeyFortyCharsXXX</SecretAccessKey><SessionToken>FwoGZXIvYXdzEXAMPLETOKEN</SessionToken><Expiration>2026-11-23T13:15:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${ACCOUNT}:assumed-role/leakstop-responder/leakstop-response</Arn><AssumedRoleId>AROAEXAMPLE:leakstop-response</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        XML,
      );
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', action('UpdateAccessKey')).reply(200, xmlEmpty('UpdateAccessKey'), XML);
      iam.post('/', action('AttachUserPolicy')).reply(200, xmlEmpty('AttachUserPolicy'), XML);
      const adapter = createAwsAdapter({
        settings: settings({ operators: { [ACCOUNT]: { roleArn: `arn:aws:iam::${ACCOUNT}:role/leakstop-responder`, externalId: 'ext-42' } } }),
        baseCredentials: { accessKeyId: OPERATOR_KEY_ID, secretAccessKey: OPERATOR_SECRET },
      });
      const outcome = await adapter.revoke!(pair(keyId, secret), ctx());
      expect(outcome.status).toBe('done');
      const iamRequests = http.requests.filter((r) => r.host === 'iam.aws.test');
      for (const request of iamRequests) {
        expect(request.headers).toContain('Credential=ASIAROLESESSIONEXAMP/');
        expect(request.headers).toContain('FwoGZXIvYXdzEXAMPLETOKEN');
      }
    });

    it('lets the leaked key deactivate itself when the account has no operator credentials', async () => {
      http.scope(STS).post('/', action('GetCallerIdentity')).reply(200, callerIdentity(`arn:aws:iam::${ACCOUNT}:user/ci-bot`), XML);
      http.scope(IAM).post('/', (body) => action('UpdateAccessKey')(body) && formField(body, 'Status') === 'Inactive').reply(200, xmlEmpty('UpdateAccessKey'), XML);
      const outcome = await createAwsAdapter({ settings: settings() }).revoke!(pair(keyId, secret), ctx());
      expect(outcome).toMatchObject({ status: 'done', data: { reversible: true } });
      expect(outcome.summary).toContain('using the leaked key itself');
      expect(outcome.summary).toContain('no quarantine policy was attached');
      expect(http.requests[1]!.headers).toContain(`Credential=${keyId}/`);
    });

    it('reports a key IAM no longer has as not live', async () => {
      http.scope(IAM).post('/', action('GetAccessKeyLastUsed')).reply(404, xmlError('NoSuchEntity', 'The Access Key with id X cannot be found'), XML);
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).revoke!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'not-live', summary: `IAM has no access key ${keyId}: it was deleted` });
    });

    it('says temporary keys cannot be deactivated', async () => {
      const temporary = keyIdFor(ACCOUNT, 'ASIA');
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).revoke!(pair(temporary, secret), ctx());
      expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: expect.stringContaining('revoke-sessions') as unknown });
    });

    it('reads operator keys from a credentials file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'leakstop-aws-'));
      const file = join(dir, 'aws.json');
      writeFileSync(file, JSON.stringify({ accessKeyId: OPERATOR_KEY_ID, secretAccessKey: OPERATOR_SECRET }));
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', action('UpdateAccessKey')).reply(200, xmlEmpty('UpdateAccessKey'), XML);
      iam.post('/', action('AttachUserPolicy')).reply(200, xmlEmpty('AttachUserPolicy'), XML);
      const outcome = await createAwsAdapter({ settings: settings({ operators: { [ACCOUNT]: { credentialsFile: file } } }) }).revoke!(pair(keyId, secret), ctx());
      expect(outcome.status).toBe('done');
      for (const request of http.requests) expect(request.headers).toContain(`Credential=${OPERATOR_KEY_ID}/`);
    });

    it('fails without a retry when the operator key is missing from the environment', async () => {
      const outcome = await createAwsAdapter({ settings: withOperator, env: {} }).revoke!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'failed', retryable: false, summary: `the operator key for account ${ACCOUNT} is missing: set OPS_AWS_KEY_ID and OPS_AWS_SECRET` });
    });
  });

  describe('rotate', () => {
    it('creates a new key for the same user and returns its secret wrapped', async () => {
      const newSecret = secretKey();
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', (body) => action('CreateAccessKey')(body) && formField(body, 'UserName') === 'ci-bot').reply(
        200,
        xml('CreateAccessKey', `<AccessKey><UserName>ci-bot</UserName><AccessKeyId>AKIANEWKEYEXAMPLE123</AccessKeyId><Status>Active</Status><SecretAccessKey>${newSecret}</SecretAccessKey><CreateDate>2026-11-23T13:00:01Z</CreateDate></AccessKey>`),
        XML,
      );
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).rotate!(pair(keyId, secret), ctx());
      if (outcome.status !== 'done') throw new Error(outcome.summary);
      expect(outcome.data.replacement).toBeInstanceOf(Secret);
      expect(outcome.data.replacement.reveal()).toBe(newSecret);
      expect(outcome.data.consumerHint).toContain('AKIANEWKEYEXAMPLE123');
      expect(JSON.stringify(outcome)).not.toContain(newSecret);
    });

    it('explains that a user with two keys needs the leaked one deleted first', async () => {
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', action('CreateAccessKey')).reply(409, xmlError('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2'), XML);
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).rotate!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({ status: 'failed', retryable: false, summary: 'IAM user ci-bot already has two access keys: delete the leaked (now inactive) one, then rotate again' });
    });

    it('does not try to rotate with the leaked key', async () => {
      const outcome = await createAwsAdapter({ settings: settings() }).rotate!(pair(keyId, secret), ctx());
      expect(outcome.status).toBe('unsupported');
    });
  });

  describe('describe', () => {
    it('summarises the user\'s attached and inline policies and its groups', async () => {
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      iam.post('/', action('ListAttachedUserPolicies')).reply(200, xml('ListAttachedUserPolicies', '<AttachedPolicies><member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>'), XML);
      iam.post('/', action('ListUserPolicies')).reply(200, xml('ListUserPolicies', '<PolicyNames><member>deploy-s3</member></PolicyNames><IsTruncated>false</IsTruncated>'), XML);
      iam.post('/', action('ListGroupsForUser')).reply(200, xml('ListGroupsForUser', `<Groups><member><Path>/</Path><GroupName>deployers</GroupName><GroupId>AGPAEXAMPLEGROUPID01</GroupId><Arn>arn:aws:iam::${ACCOUNT}:group/deployers</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member></Groups><IsTruncated>false</IsTruncated>`), XML);
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).describe!(pair(keyId, secret), ctx());
      expect(outcome).toEqual({
        status: 'done',
        data: { scopes: ['managed:AdministratorAccess', 'inline:deploy-s3'], notes: ['also has the policies of its groups: deployers', 'AdministratorAccess: the key can do anything in the account'] },
        summary: 'IAM user ci-bot: 2 policies, 1 groups',
      });
    });
  });

  describe('activity', () => {
    it('combines the last use with CloudTrail events of every configured region', async () => {
      const iam = http.scope(IAM);
      iam.post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      const event = (name: string, time: number) => ({ EventId: `e-${name}-${time}`, EventName: name, EventTime: time, EventSource: 's3.amazonaws.com', Username: 'ci-bot' });
      const t = NOW.getTime() / 1000;
      const east = http.scope('https://cloudtrail.us-east-1.aws.test');
      east
        .post('/', (body: { LookupAttributes?: { AttributeValue?: string }[]; NextToken?: string }) => body.LookupAttributes?.[0]?.AttributeValue === keyId && body.NextToken === undefined)
        .reply(200, { Events: [event('ListBuckets', t - 600), event('GetObject', t - 300)], NextToken: 'page-2' }, { 'content-type': 'application/x-amz-json-1.1' });
      east.post('/', (body: { NextToken?: string }) => body.NextToken === 'page-2').reply(200, { Events: [event('ListBuckets', t - 900)] }, { 'content-type': 'application/x-amz-json-1.1' });
      http.scope('https://cloudtrail.eu-west-1.aws.test').post('/').reply(200, { Events: [] }, { 'content-type': 'application/x-amz-json-1.1' });
      const adapter = createAwsAdapter({ settings: { ...withOperator, regions: ['us-east-1', 'eu-west-1'] }, env: operatorEnv });
      const outcome = await adapter.activity!(pair(keyId, secret), ctx());
      if (outcome.status !== 'done') throw new Error(outcome.summary);
      expect(outcome.summary).toBe('3 CloudTrail events in 2 regions over 30 days');
      expect(outcome.data.lastUsedAt).toBe('2026-11-23T12:58:00.000Z');
      expect(outcome.data.events.map((e) => e.action)).toEqual(['GetObject', 'ListBuckets', 'ListBuckets']);
      expect(outcome.data.notes).toEqual([
        'last used 2026-11-23T12:58:00.000Z with s3 in eu-west-1',
        'us-east-1: 3 events from 2026-11-23T12:45:00.000Z to 2026-11-23T12:55:00.000Z',
        'eu-west-1: no CloudTrail events',
        'events by name: ListBuckets ×2, GetObject ×1',
      ]);
    });

    it('reports CloudTrail throttling as retryable', async () => {
      http.scope(IAM).post('/', action('GetAccessKeyLastUsed')).reply(200, lastUsed('ci-bot'), XML);
      http
        .scope('https://cloudtrail.us-east-1.aws.test')
        .post('/')
        .reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ThrottlingException' });
      const outcome = await createAwsAdapter({ settings: withOperator, env: operatorEnv }).activity!(pair(keyId, secret), ctx());
      expect(outcome).toMatchObject({ status: 'failed', retryable: true, summary: 'CloudTrail LookupEvents in us-east-1 failed: rate limited (HTTP 400)' });
    });
  });
});

describe('userNameFromArn', () => {
  it('takes the name after any path and nothing from roles or root', () => {
    expect(userNameFromArn(`arn:aws:iam::${ACCOUNT}:user/deploy/ci-bot`)).toBe('ci-bot');
    expect(userNameFromArn(`arn:aws:sts::${ACCOUNT}:assumed-role/admin/session`)).toBeUndefined();
    expect(userNameFromArn(`arn:aws:iam::${ACCOUNT}:root`)).toBeUndefined();
  });
});

describe('the AWS adapter with bad settings', () => {
  it('answers a failed outcome naming the variable instead of throwing', async () => {
    const previous = process.env['LEAKSTOP_AWS_REGIONS'];
    process.env['LEAKSTOP_AWS_REGIONS'] = 'moon-1';
    try {
      const outcome = await createAwsAdapter().verify!(pair(keyIdFor(ACCOUNT), secretKey()), ctx());
      expect(outcome).toMatchObject({ status: 'failed', retryable: false });
      expect(outcome.summary).toContain('LEAKSTOP_AWS_REGIONS');
    } finally {
      if (previous === undefined) delete process.env['LEAKSTOP_AWS_REGIONS'];
      else process.env['LEAKSTOP_AWS_REGIONS'] = previous;
    }
  });
});
