// What leakstop can do about a leaked Stripe live key. Stripe has no public API to roll, expire or
// delete a secret or restricted key (the /v2/iam/api_keys API is a private preview for Stripe Apps,
// and it returns every key's plaintext), so revoking and rotating stay manual, on the dashboard.
// Verifying uses the key itself; recent account events are read with the operator's own key
// (LEAKSTOP_STRIPE_SECRET_KEY, ideally a restricted key with Events read) when it is a key of the
// same account.
// Endpoints (docs.stripe.com/api), Bearer authentication:
//   GET /v1/account                                   (verify: the account the key belongs to)
//   GET /v1/events?limit=100&created[gte]=            (activity: account-wide events, kept 30 days)
// Limits: 100 requests per second in live mode, 25 per endpoint by default; 429 when exceeded.
// Stripe's events do not say which key caused them: the activity is the account's, not the key's.
import { z } from 'zod';
import type { Secret } from '../../detect/secret.js';
import type { ActivitySummary, Credential, Identity, Outcome, ProviderAdapter, AdapterContext } from '../contract.js';
import type { StripeSettings } from './settings.js';
import { callProvider, unsupported } from '../http.js';

const MANUAL_URL = 'https://dashboard.stripe.com/apikeys';
const EVENT_DAYS = 7;
const EVENTS_SHOWN = 20;

const accountSchema = z.object({
  id: z.string(),
  email: z.string().nullable().optional(),
  business_profile: z.object({ name: z.string().nullable().optional() }).nullable().optional(),
  settings: z.object({ dashboard: z.object({ display_name: z.string().nullable().optional() }).optional() }).optional(),
});
const eventsSchema = z.object({ data: z.array(z.object({ id: z.string(), type: z.string(), created: z.number() })), has_more: z.boolean().optional() });

function keyType(credential: Credential): string {
  return credential.ruleId === 'stripe-restricted-key' ? 'restricted key' : 'secret key';
}

async function account(key: Secret, ctx: AdapterContext<StripeSettings>, deadStatuses: readonly number[]) {
  return callProvider(ctx, {
    what: 'Stripe GET /v1/account',
    url: `${ctx.settings.apiUrl}/v1/account`,
    headers: { authorization: `Bearer ${key.reveal()}` },
    // 403 is a restricted key without the Account read permission: alive, but refused.
    deadStatuses,
    schema: accountSchema,
    secrets: [key],
  });
}

async function verify(credential: Credential, ctx: AdapterContext<StripeSettings>): Promise<Outcome<Identity>> {
  const reply = await account(credential.secret, ctx, [401]);
  if (!reply.ok) return reply.setback;
  const name = reply.data.settings?.dashboard?.display_name ?? reply.data.business_profile?.name ?? reply.data.email ?? undefined;
  return {
    status: 'done',
    data: { account: reply.data.id, type: `live ${keyType(credential)}`, ...(name === undefined || name === null ? {} : { owner: name }) },
    summary: `live: a ${keyType(credential)} of Stripe account ${reply.data.id}`,
  };
}

async function activity(credential: Credential, ctx: AdapterContext<StripeSettings>): Promise<Outcome<ActivitySummary>> {
  const operatorKey = ctx.settings.secretKey;
  if (operatorKey === undefined) return unsupported('reading the account\'s events needs an operator key: set LEAKSTOP_STRIPE_SECRET_KEY(_FILE) (a restricted key with Events read)', 'https://dashboard.stripe.com/events');
  // Which account the leaked key belongs to, and whether the operator's key is one of the same account.
  const leaked = await account(credential.secret, ctx, [401]);
  if (!leaked.ok) return leaked.setback;
  const mine = await account(operatorKey, ctx, []);
  if (!mine.ok) return mine.setback;
  if (mine.data.id !== leaked.data.id) return unsupported(`the operator's Stripe key is for ${mine.data.id}, the leaked key for ${leaked.data.id}: review that account's events by hand`, 'https://dashboard.stripe.com/events');
  const since = Math.floor(ctx.now().getTime() / 1000) - EVENT_DAYS * 86_400;
  const reply = await callProvider(ctx, {
    what: 'Stripe GET /v1/events',
    url: `${ctx.settings.apiUrl}/v1/events?limit=100&created%5Bgte%5D=${since}`,
    headers: { authorization: `Bearer ${operatorKey.reveal()}` },
    deadStatuses: [],
    schema: eventsSchema,
    secrets: [operatorKey, credential.secret],
  });
  if (!reply.ok) return reply.setback;
  const counts = new Map<string, number>();
  for (const event of reply.data.data) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  const byType = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => `${type} ×${n}`);
  const notes = ['Stripe events are the whole account\'s: they do not say which key caused them'];
  if (byType.length > 0) notes.push(`events by type: ${byType.join(', ')}`);
  if (reply.data.has_more === true) notes.push('more than 100 events: only the latest 100 were read');
  return {
    status: 'done',
    data: { events: reply.data.data.slice(0, EVENTS_SHOWN).map((e) => ({ time: new Date(e.created * 1000).toISOString(), action: e.type, source: e.id })), notes },
    summary: `${reply.data.data.length}${reply.data.has_more === true ? '+' : ''} events on account ${leaked.data.id} in the last ${EVENT_DAYS} days`,
  };
}

export const stripeAdapter: ProviderAdapter<StripeSettings> = { provider: 'stripe', verify, activity, manualRevokeUrl: MANUAL_URL };
