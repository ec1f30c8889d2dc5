// What leakstop can do about a leaked Slack token. Slack's Web API answers HTTP 200 with
// { ok: false, error } for most failures, and 429 with Retry-After when rate limited
// (https://api.slack.com/apis/rate-limits).
// - POST auth.test (https://api.slack.com/methods/auth.test, special rate tier, hundreds a minute):
//   the token's user, team and bot; the x-oauth-scopes response header lists its scopes.
// - POST auth.revoke (https://api.slack.com/methods/auth.revoke, Tier 3: 50+ a minute): the token
//   revokes itself; { ok: true, revoked: true }.
// Incoming webhook URLs have neither: they are removed by hand.
import { z } from 'zod';
import type { Access, Credential, Identity, Outcome, ProviderAdapter, ProviderContext, Revocation } from '../respond/adapter.js';
import { callProvider, failed, unsupported } from '../respond/provider-http.js';

const MANUAL_URL = 'https://api.slack.com/apps';
const WEBHOOK_RULE = 'slack-webhook-url';
const WEBHOOK_PAGE = 'https://api.slack.com/messaging/webhooks';

/** Errors that mean the token no longer works (https://api.slack.com/methods/auth.test#errors). */
const DEAD_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

const errorSchema = z.object({ ok: z.literal(false), error: z.string().regex(/^[a-z_]{1,64}$/).catch('unknown_error') });
const authTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), team: z.string().optional(), user: z.string().optional(), user_id: z.string().optional(), bot_id: z.string().optional() }),
  errorSchema,
]);
const revokeSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), revoked: z.boolean() }), errorSchema]);

function slackError(what: string, error: string, secrets: Credential['secret'][]): Outcome<never> {
  if (DEAD_ERRORS.has(error)) return { status: 'not-live', summary: `${what}: Slack says ${error}` };
  return failed(false, `${what}: Slack refused with ${error}`, secrets);
}

interface TokenFacts {
  identity: Identity;
  access: Access;
}

async function authTest(credential: Credential, ctx: ProviderContext): Promise<Outcome<TokenFacts>> {
  const what = 'Slack auth.test';
  const response = await callProvider(ctx, {
    what,
    method: 'POST',
    url: `${ctx.settings.slack.apiUrl}/auth.test`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    schema: authTestSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const answer = response.data;
  if (!answer.ok) return slackError(what, answer.error, [credential.secret]);
  const account = answer.user ?? answer.user_id ?? 'unknown user';
  const identity: Identity = { account, type: answer.bot_id ? 'bot token' : 'user token', ...(answer.team ? { owner: answer.team } : {}) };
  const header = response.headers.get('x-oauth-scopes') ?? '';
  const scopes = header.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return { status: 'done', data: { identity, access: { scopes } }, summary: `live Slack ${identity.type} of ${account}${answer.team ? ` in ${answer.team}` : ''}` };
}

async function authRevoke(credential: Credential, ctx: ProviderContext): Promise<Outcome<Revocation>> {
  const what = 'Slack auth.revoke';
  const response = await callProvider(ctx, {
    what,
    method: 'POST',
    url: `${ctx.settings.slack.apiUrl}/auth.revoke`,
    headers: { authorization: `Bearer ${credential.secret.reveal()}` },
    schema: revokeSchema,
    secrets: [credential.secret],
  });
  if (!response.ok) return response.setback;
  const answer = response.data;
  if (!answer.ok) return slackError(what, answer.error, [credential.secret]);
  if (!answer.revoked) return failed(false, `${what}: Slack did not revoke the token`, [credential.secret]);
  return { status: 'done', data: { reversible: false }, summary: 'Slack revoked the token' };
}

function webhookUnsupported(): Outcome<never> {
  return unsupported('Slack has no API to check or remove an incoming webhook: remove it from the app’s Incoming Webhooks page', WEBHOOK_PAGE);
}

export const slackAdapter: ProviderAdapter = {
  provider: 'slack',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return webhookUnsupported();
    const facts = await authTest(credential, ctx);
    return facts.status === 'done' ? { ...facts, data: facts.data.identity } : facts;
  },

  async describe(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return webhookUnsupported();
    const facts = await authTest(credential, ctx);
    return facts.status === 'done' ? { ...facts, data: facts.data.access } : facts;
  },

  revoke(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return Promise.resolve(webhookUnsupported());
    return authRevoke(credential, ctx);
  },
};
