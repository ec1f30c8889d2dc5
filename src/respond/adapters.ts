// Every provider adapter, by provider id (the file name under src/providers/). Adding one: write
// src/providers/<id>-adapter.ts and list it here.
import { anthropicAdapter } from '../providers/anthropic/adapter.js';
import { awsAdapter } from '../providers/aws/adapter.js';
import { databricksAdapter } from '../providers/databricks/adapter.js';
import { digitaloceanAdapter } from '../providers/digitalocean/adapter.js';
import { discordAdapter } from '../providers/discord/adapter.js';
import { dopplerAdapter } from '../providers/doppler/adapter.js';
import { githubAdapter } from '../providers/github/adapter.js';
import { gitlabAdapter } from '../providers/gitlab/adapter.js';
import { huggingfaceAdapter } from '../providers/huggingface/adapter.js';
import { linearAdapter } from '../providers/linear/adapter.js';
import { mailgunAdapter } from '../providers/mailgun/adapter.js';
import { npmAdapter } from '../providers/npm/adapter.js';
import { openaiAdapter } from '../providers/openai/adapter.js';
import { postmanAdapter } from '../providers/postman/adapter.js';
import { sendgridAdapter } from '../providers/sendgrid/adapter.js';
import { slackAdapter } from '../providers/slack/adapter.js';
import { stripeAdapter } from '../providers/stripe/adapter.js';
import { telegramAdapter } from '../providers/telegram/adapter.js';
import { twilioAdapter } from '../providers/twilio/adapter.js';
import { vaultAdapter } from '../providers/vault/adapter.js';
import type { ProviderAdapter } from '../providers/contract.js';

const ALL: readonly ProviderAdapter[] = [
  githubAdapter,
  gitlabAdapter,
  slackAdapter,
  npmAdapter,
  awsAdapter,
  openaiAdapter,
  anthropicAdapter,
  stripeAdapter,
  huggingfaceAdapter,
  sendgridAdapter,
  telegramAdapter,
  discordAdapter,
  digitaloceanAdapter,
  vaultAdapter,
  linearAdapter,
  postmanAdapter,
  dopplerAdapter,
  mailgunAdapter,
  databricksAdapter,
  twilioAdapter,
];

export const adapters: ReadonlyMap<string, ProviderAdapter> = new Map(ALL.map((adapter) => [adapter.provider, adapter]));

/** The adapter for a provider id, or undefined when leakstop can only detect that provider. */
export function adapterFor(provider: string): ProviderAdapter | undefined {
  return adapters.get(provider);
}
