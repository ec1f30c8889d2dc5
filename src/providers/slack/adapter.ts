// What leakstop can do about a leaked Slack token or incoming webhook URL. Slack's Web API answers HTTP 200 with
// { ok: false, error } for most failures, and 429 with Retry-After when rate limited
// (https://api.slack.com/apis/rate-limits).
// - POST auth.test (https://api.slack.com/methods/auth.test, special rate tier, hundreds a minute):
//   the token's user, team and bot; the x-oauth-scopes response header lists its scopes.
// - POST auth.revoke (https://api.slack.com/methods/auth.revoke, Tier 3: 50+ a minute): the token
//   revokes itself; { ok: true, revoked: true }.
// Incoming webhook URLs (the slack-webhook-url rule; the secret is the whole URL) have no API: they
// are checked by POSTing `{}` (no text, blocks or attachments, so nothing can be posted) and reading
// Slack's plain-text refusal (https://api.slack.com/messaging/webhooks#handling_errors,
// https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks): a live hook
// answers 400 no_text / missing_text_or_fallback_or_attachments / invalid_payload; a dead one 400 or
// 403 invalid_token, 404 no_service / no_team / channel_not_found, 410 channel_is_archived. Slack
// allows about one request a second per webhook and answers 429 with Retry-After. Only the app's
// Incoming Webhooks page removes one. Workflow webhooks (hooks.slack.com/workflows/…) start their
// workflow when POSTed to, so leakstop never calls them.
import { z } from 'zod';
import { Secret } from '../../detect/secret.js';
import type { Access, Credential, Identity, Outcome, ProviderAdapter, AdapterContext, Revocation } from '../contract.js';
import type { SlackSettings } from './settings.js';
import { callProvider, failed, unsupported } from '../http.js';

const MANUAL_URL = 'https://api.slack.com/apps';
const WEBHOOK_RULE = 'slack-webhook-url';
const WORKFLOW_TRIGGERS = 'https://api.slack.com/automation/triggers/webhook';

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

async function authTest(credential: Credential, ctx: AdapterContext<SlackSettings>): Promise<Outcome<TokenFacts>> {
  const what = 'Slack auth.test';
  const response = await callProvider(ctx, {
    what,
    method: 'POST',
    url: `${ctx.settings.apiUrl}/auth.test`,
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

const tokenFacts = new WeakMap<Credential, Outcome<TokenFacts>>();

/**
 * verify and describe both read auth.test (who, and the scopes in its header): a live answer is kept
 * for the credential, so describe asks nothing more; a failure is not kept, so asking again asks Slack.
 */
async function authTestOnce(credential: Credential, ctx: AdapterContext<SlackSettings>): Promise<Outcome<TokenFacts>> {
  const known = tokenFacts.get(credential);
  if (known !== undefined) return known;
  const facts = await authTest(credential, ctx);
  if (facts.status === 'done') tokenFacts.set(credential, facts);
  return facts;
}

async function authRevoke(credential: Credential, ctx: AdapterContext<SlackSettings>): Promise<Outcome<Revocation>> {
  const what = 'Slack auth.revoke';
  const response = await callProvider(ctx, {
    what,
    method: 'POST',
    url: `${ctx.settings.apiUrl}/auth.revoke`,
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

// --- Incoming webhooks -------------------------------------------------------------------------------

/**
 * The leaked URL, re-checked: Slack's host and the services/T…/B…/token shape, or nothing. Only the
 * path parts are used, under the operator's base URL, so a found URL can never choose a host.
 */
const INCOMING_WEBHOOK = /^(?:https?:\/\/)?hooks\.slack\.com\/services\/(T[A-Z0-9]{6,12})\/(B[A-Z0-9]{6,12})\/([A-Za-z0-9]{20,32})$/;
const WORKFLOW_WEBHOOK = /^(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers)\//;

/** Refusals of the empty payload, which Slack gives only after it has found the webhook. */
const WEBHOOK_LIVE_ERRORS = new Set(['no_text', 'missing_text', 'missing_text_or_fallback_or_attachments', 'invalid_payload']);
/** The webhook, its workspace or its channel is gone (or the channel is archived). */
const WEBHOOK_DEAD_ERRORS = new Set(['invalid_token', 'no_service', 'no_team', 'team_disabled', 'channel_not_found', 'channel_is_archived']);

interface IncomingWebhook {
  team: string;
  hook: string;
  token: Secret;
}

function incomingWebhook(credential: Credential): IncomingWebhook | undefined {
  const [, team, hook, token] = INCOMING_WEBHOOK.exec(credential.secret.reveal()) ?? [];
  if (team === undefined || hook === undefined || token === undefined) return undefined;
  return { team, hook, token: new Secret(token) };
}

/** Slack answers webhooks in plain text ("no_service"); anything else is reported as unknown. */
function webhookError(body: unknown): string {
  const text = typeof body === 'string' ? body.trim() : '';
  return /^[a-z_]{1,64}$/.test(text) ? text : 'an unrecognised answer';
}

function notIncomingWebhook(credential: Credential): Outcome<never> {
  if (WORKFLOW_WEBHOOK.test(credential.secret.reveal())) {
    return unsupported('a Slack workflow webhook runs its workflow when called, so leakstop does not check it: delete the trigger in Workflow Builder', WORKFLOW_TRIGGERS);
  }
  return unsupported('not a hooks.slack.com/services/T…/B…/… URL, so leakstop sends it nowhere: remove the webhook from the app’s Incoming Webhooks page', MANUAL_URL);
}

async function checkWebhook(credential: Credential, ctx: AdapterContext<SlackSettings>): Promise<Outcome<Identity>> {
  const webhook = incomingWebhook(credential);
  if (!webhook) return notIncomingWebhook(credential);
  const what = 'Slack POST /services/{team}/{hook}/{token}';
  const secrets = [credential.secret, webhook.token];
  const response = await callProvider(ctx, {
    what,
    method: 'POST',
    url: `${ctx.settings.webhookUrl}/services/${webhook.team}/${webhook.hook}/${webhook.token.reveal()}`,
    // Nothing to post: Slack must refuse it, and how it refuses tells whether the webhook exists.
    body: {},
    bodyStatuses: [400, 403, 404, 410],
    schema: z.unknown(),
    secrets,
  });
  if (!response.ok) return response.setback;
  const error = response.status >= 400 ? webhookError(response.data) : undefined;
  if (error === undefined || WEBHOOK_LIVE_ERRORS.has(error)) {
    const identity: Identity = { account: `incoming webhook ${webhook.hook}`, owner: `workspace ${webhook.team}`, type: 'incoming webhook' };
    return { status: 'done', data: identity, summary: `live Slack incoming webhook ${webhook.hook} of workspace ${webhook.team}: anyone with the URL can post to its channel` };
  }
  if (error === 'channel_is_archived') {
    return { status: 'not-live', summary: `${what} answered ${response.status}: Slack says channel_is_archived; the webhook posts again if the channel is unarchived, so remove it anyway` };
  }
  if (WEBHOOK_DEAD_ERRORS.has(error) || response.status === 404) {
    return { status: 'not-live', summary: `${what} answered ${response.status}: Slack says ${error}` };
  }
  return failed(false, `${what} answered ${response.status}: Slack refused with ${error}`, secrets);
}

function webhookByHand(credential: Credential): Outcome<never> {
  if (WORKFLOW_WEBHOOK.test(credential.secret.reveal())) return notIncomingWebhook(credential);
  return unsupported(
    'Slack has no API to remove an incoming webhook: remove it from the app’s Incoming Webhooks page (a legacy one from https://my.slack.com/apps/manage/custom-integrations)',
    MANUAL_URL,
  );
}

export const slackAdapter: ProviderAdapter<SlackSettings> = {
  provider: 'slack',
  manualRevokeUrl: MANUAL_URL,

  async verify(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return checkWebhook(credential, ctx);
    const facts = await authTestOnce(credential, ctx);
    return facts.status === 'done' ? { ...facts, data: facts.data.identity } : facts;
  },

  async describe(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) {
      return unsupported('an incoming webhook has no scopes to read: it can post to the one channel it was created for', MANUAL_URL);
    }
    const facts = await authTestOnce(credential, ctx);
    return facts.status === 'done' ? { ...facts, data: facts.data.access } : facts;
  },

  revoke(credential, ctx) {
    if (credential.ruleId === WEBHOOK_RULE) return Promise.resolve(webhookByHand(credential));
    return authRevoke(credential, ctx);
  },
};
