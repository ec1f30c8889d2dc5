import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/detect/secret.js';
import { createSecretsManagerSink } from '../../../src/respond/sinks/aws-secrets-manager-sink.js';
import { mockHttp, type HttpMock } from '../../providers/request-recorder.js';

const ENDPOINT = 'https://secretsmanager.aws.test';
const NEW_SECRET = 'xoxb-NewRotatedSlackTokenValue-0123456789';
const credentials = { accessKeyId: 'AKIASINKOPERATOREXAM', secretAccessKey: 'sinkOperatorSecretKeyFortyCharactersXXXX' };
const JSON_1_1 = { 'content-type': 'application/x-amz-json-1.1' };

function sink() {
  return createSecretsManagerSink({ kind: 'aws-secrets-manager', region: 'eu-west-1', endpoint: ENDPOINT }, { credentials, maxAttempts: 1 });
}

describe('the AWS Secrets Manager sink', () => {
  let http: HttpMock;
  beforeEach(() => {
    http = mockHttp();
  });
  afterEach(() => {
    http.verifyDone();
    http.expectNotSent(NEW_SECRET, 'secretsmanager.aws.test');
    http.expectNotSent(credentials.secretAccessKey);
    http.dispose();
  });

  it('puts a new version of the secret', async () => {
    http
      .scope(ENDPOINT)
      .matchHeader('x-amz-target', 'secretsmanager.PutSecretValue')
      .post('/', (body: { SecretId: string; SecretString: string }) => body.SecretId === 'prod/slack-bot' && body.SecretString === NEW_SECRET)
      .reply(200, { ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/slack-bot-a1b2c3', Name: 'prod/slack-bot', VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE', VersionStages: ['AWSCURRENT'] }, JSON_1_1);
    const outcome = await sink().write('prod/slack-bot', new Secret(NEW_SECRET));
    expect(outcome).toEqual({
      status: 'done',
      data: { location: 'AWS Secrets Manager secret prod/slack-bot (eu-west-1)' },
      summary: 'wrote a new version (EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE) of AWS Secrets Manager secret prod/slack-bot (eu-west-1)',
    });
  });

  it('says to create a secret that does not exist', async () => {
    http.scope(ENDPOINT).post('/').reply(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }, JSON_1_1);
    const outcome = await sink().write('prod/slack-bot', new Secret(NEW_SECRET));
    expect(outcome).toEqual({ status: 'failed', retryable: false, summary: 'the Secrets Manager secret prod/slack-bot does not exist: create it first, then rotate again' });
  });

  it('retries throttling and server errors', async () => {
    http.scope(ENDPOINT).post('/').reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, JSON_1_1);
    expect(await sink().write('prod/slack-bot', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: true });
    http.scope(ENDPOINT).post('/').reply(500, { __type: 'InternalServiceError', message: 'An error occurred on the server side.' }, JSON_1_1);
    expect(await sink().write('prod/slack-bot', new Secret(NEW_SECRET))).toMatchObject({ status: 'failed', retryable: true });
  });
});
