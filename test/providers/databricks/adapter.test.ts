import { describe, expect, it } from 'vitest';
import { databricksAdapter } from '../../../src/providers/databricks/adapter.js';
import { credential, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { HEX, randomChars } from '../random-token.js';

const WORKSPACE = 'https://dbc-1a2b3c4d-5e6f.cloud.databricks.com';
const harness = useAdapterHarness('databricks');
const token = (workspaceUrl?: string) => credential('databricks-pat', `dapi${randomChars(32, HEX)}`, workspaceUrl ? { workspaceUrl } : {});

describe('databricks adapter', () => {
  verifyContract(harness, {
    adapter: databricksAdapter,
    origin: WORKSPACE,
    credential: () => token(`${WORKSPACE}/?o=1234567890`),
    request: (scope, raw) => scope.get('/api/2.0/preview/scim/v2/Me').matchHeader('authorization', `Bearer ${raw}`),
    live: { body: { id: '7001', userName: 'ada@acme.test', displayName: 'Ada Ops', active: true } },
    identity: { account: 'ada@acme.test', owner: 'dbc-1a2b3c4d-5e6f.cloud.databricks.com', type: 'personal access token' },
    dead: { status: 401, body: { error_code: 'UNAUTHENTICATED', message: 'Invalid access token.' } },
  });

  it.each([
    ['no workspace', undefined],
    ['a host that is not Databricks', 'https://evil.example/cloud.databricks.com'],
    ['a look-alike domain', 'https://dbc-1.cloud.databricks.com.evil.example'],
    ['plain http', 'http://dbc-1a2b3c4d-5e6f.cloud.databricks.com'],
  ])('sends nothing for %s', async (_case, workspaceUrl) => {
    const outcome = await databricksAdapter.verify!(token(workspaceUrl), harness.ctx);
    expect(outcome).toMatchObject({ status: 'unsupported', manualUrl: 'https://docs.databricks.com/en/dev-tools/auth/pat.html' });
    expect(harness.sent).toEqual([]);
  });

});
