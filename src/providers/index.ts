// Every provider leakstop knows, registered once. Adding a provider: a folder src/providers/<id>/
// (rules.ts with its samples, and if leakstop can respond, settings.ts, adapter.ts and the
// capabilities in index.ts) and one line in PROVIDERS below.
import type { ProviderDefinition } from '../detect/rule.js';
import { ProblemsError } from '../problems-error.js';
import { ageProvider } from './age/index.js';
import { alibabaProvider } from './alibaba/index.js';
import { anthropicProvider } from './anthropic/index.js';
import { atlassianProvider } from './atlassian/index.js';
import { awsProvider } from './aws/index.js';
import { azureEntraProvider } from './azure-entra/index.js';
import { azureProvider } from './azure/index.js';
import { bitbucketProvider } from './bitbucket/index.js';
import { bitwardenProvider } from './bitwarden/index.js';
import { buildkiteProvider } from './buildkite/index.js';
import { circleciProvider } from './circleci/index.js';
import { cloudflareProvider } from './cloudflare/index.js';
import { codecovProvider } from './codecov/index.js';
import type { OperatorSettings, ProviderAdapter } from './contract.js';
import { cratesioProvider } from './cratesio/index.js';
import { databaseProvider } from './database/index.js';
import { databricksProvider } from './databricks/index.js';
import { datadogProvider } from './datadog/index.js';
import { digitaloceanProvider } from './digitalocean/index.js';
import { discordProvider } from './discord/index.js';
import { djangoProvider } from './django/index.js';
import { dockerConfigProvider } from './docker-config/index.js';
import { dockerProvider } from './docker/index.js';
import { dopplerProvider } from './doppler/index.js';
import { dynatraceProvider } from './dynatrace/index.js';
import { figmaProvider } from './figma/index.js';
import { flyProvider } from './fly/index.js';
import { genericProvider } from './generic/index.js';
import { giteaProvider } from './gitea/index.js';
import { githubProvider } from './github/index.js';
import { gitlabProvider } from './gitlab/index.js';
import { googleOauthProvider } from './google-oauth/index.js';
import { googleProvider } from './google/index.js';
import { grafanaProvider } from './grafana/index.js';
import { groqProvider } from './groq/index.js';
import { herokuProvider } from './heroku/index.js';
import { hubspotProvider } from './hubspot/index.js';
import { huggingfaceProvider } from './huggingface/index.js';
import { infisicalProvider } from './infisical/index.js';
import { jfrogProvider } from './jfrog/index.js';
import { langsmithProvider } from './langsmith/index.js';
import { laravelProvider } from './laravel/index.js';
import { linearProvider } from './linear/index.js';
import { linodeProvider } from './linode/index.js';
import { mailchimpProvider } from './mailchimp/index.js';
import { mailgunProvider } from './mailgun/index.js';
import { neonProvider } from './neon/index.js';
import { netlifyProvider } from './netlify/index.js';
import { netrcProvider } from './netrc/index.js';
import { newrelicProvider } from './newrelic/index.js';
import { ngrokProvider } from './ngrok/index.js';
import { notionProvider } from './notion/index.js';
import { npmProvider } from './npm/index.js';
import { nugetProvider } from './nuget/index.js';
import { onepasswordProvider } from './onepassword/index.js';
import { openaiProvider } from './openai/index.js';
import { openrouterProvider } from './openrouter/index.js';
import { perplexityProvider } from './perplexity/index.js';
import { pineconeProvider } from './pinecone/index.js';
import { posthogProvider } from './posthog/index.js';
import { postmanProvider } from './postman/index.js';
import { postmarkProvider } from './postmark/index.js';
import { privateKeyProvider } from './private-key/index.js';
import { capabilitiesOfRule, NO_CAPABILITIES, type AdapterDeps, type Capabilities, type ProviderModule } from './provider.js';
import { pulumiProvider } from './pulumi/index.js';
import { pypiProvider } from './pypi/index.js';
import { pypircProvider } from './pypirc/index.js';
import { railsProvider } from './rails/index.js';
import { railwayProvider } from './railway/index.js';
import { renderProvider } from './render/index.js';
import { replicateProvider } from './replicate/index.js';
import { resendProvider } from './resend/index.js';
import { rubygemsProvider } from './rubygems/index.js';
import { scalewayProvider } from './scaleway/index.js';
import { sendgridProvider } from './sendgrid/index.js';
import { sentryProvider } from './sentry/index.js';
import { readUtf8, type ReadSecretFile } from './settings.js';
import { shopifyProvider } from './shopify/index.js';
import { slackProvider } from './slack/index.js';
import { snykProvider } from './snyk/index.js';
import { sonarqubeProvider } from './sonarqube/index.js';
import { sourcegraphProvider } from './sourcegraph/index.js';
import { stripeProvider } from './stripe/index.js';
import { supabaseProvider } from './supabase/index.js';
import { tailscaleProvider } from './tailscale/index.js';
import { telegramProvider } from './telegram/index.js';
import { terraformProvider } from './terraform/index.js';
import { twilioProvider } from './twilio/index.js';
import { upstashProvider } from './upstash/index.js';
import { urlCredentialsProvider } from './url-credentials/index.js';
import { vaultProvider } from './vault/index.js';
import { vercelProvider } from './vercel/index.js';
import { xaiProvider } from './xai/index.js';

/** In the order rules are tried and listed; the generic rule last. */
export const PROVIDERS: readonly ProviderModule[] = [
  githubProvider,
  awsProvider,
  slackProvider,
  stripeProvider,
  openaiProvider,
  anthropicProvider,
  gitlabProvider,
  npmProvider,
  pypiProvider,
  googleProvider,
  azureProvider,
  huggingfaceProvider,
  sendgridProvider,
  twilioProvider,
  shopifyProvider,
  digitaloceanProvider,
  databricksProvider,
  linearProvider,
  dopplerProvider,
  postmanProvider,
  vaultProvider,
  groqProvider,
  replicateProvider,
  perplexityProvider,
  xaiProvider,
  openrouterProvider,
  langsmithProvider,
  notionProvider,
  figmaProvider,
  resendProvider,
  sentryProvider,
  newrelicProvider,
  dynatraceProvider,
  posthogProvider,
  hubspotProvider,
  ageProvider,
  mailchimpProvider,
  postmarkProvider,
  datadogProvider,
  grafanaProvider,
  telegramProvider,
  discordProvider,
  mailgunProvider,
  vercelProvider,
  netlifyProvider,
  supabaseProvider,
  herokuProvider,
  flyProvider,
  googleOauthProvider,
  cloudflareProvider,
  renderProvider,
  neonProvider,
  pineconeProvider,
  alibabaProvider,
  scalewayProvider,
  linodeProvider,
  railwayProvider,
  upstashProvider,
  azureEntraProvider,
  privateKeyProvider,
  dockerProvider,
  onepasswordProvider,
  terraformProvider,
  pulumiProvider,
  circleciProvider,
  buildkiteProvider,
  rubygemsProvider,
  cratesioProvider,
  nugetProvider,
  tailscaleProvider,
  atlassianProvider,
  bitbucketProvider,
  sourcegraphProvider,
  snykProvider,
  codecovProvider,
  giteaProvider,
  jfrogProvider,
  ngrokProvider,
  infisicalProvider,
  bitwardenProvider,
  sonarqubeProvider,
  djangoProvider,
  railsProvider,
  laravelProvider,
  dockerConfigProvider,
  pypircProvider,
  netrcProvider,
  databaseProvider,
  urlCredentialsProvider,
  genericProvider,
];

/** Every provider's detection: its rules. */
export const allProviders: readonly ProviderDefinition[] = PROVIDERS.map((module) => module.detection);

const byId = new Map(PROVIDERS.map((module) => [module.detection.id, module]));

export function providerModule(id: string): ProviderModule | undefined {
  return byId.get(id);
}

/** Whether leakstop has a response for this provider (an adapter): decided without loading it. */
export function respondsTo(provider: string): boolean {
  return byId.get(provider)?.response !== undefined;
}

/** What leakstop can do for a credential found by this rule of this provider. */
export function capabilitiesOf(provider: string, ruleId: string): Capabilities {
  const module = byId.get(provider);
  return module === undefined ? NO_CAPABILITIES : capabilitiesOfRule(module, ruleId);
}

/** Loads every adapter (a worker does this once at start-up; the CLI never does), by provider id. */
export async function loadAdapters(deps: AdapterDeps): Promise<ReadonlyMap<string, ProviderAdapter>> {
  const loaded = await Promise.all(PROVIDERS.flatMap((module) => (module.response ? [module.response.loadAdapter(deps)] : [])));
  return new Map(loaded.map((adapter) => [adapter.provider, adapter]));
}

export class OperatorSettingsError extends ProblemsError {
  override name = 'OperatorSettingsError';

  constructor(problems: string[]) {
    super(problems, 'the leak-response settings in the environment are not valid');
  }
}

/**
 * Every provider's operator settings from the environment, by provider id; throws
 * OperatorSettingsError naming every bad variable. `readFile` is injectable so tests need no files.
 */
export function parseOperatorSettings(env: NodeJS.ProcessEnv, readFile: ReadSecretFile = readUtf8): OperatorSettings {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const module of PROVIDERS) {
    if (module.settings !== undefined) settings[module.detection.id] = module.settings.read(env, readFile, problems);
  }
  if (problems.length > 0) throw new OperatorSettingsError(problems);
  return settings;
}

/** One provider's settings from the environment (tests, and tools that talk to one provider). */
export function providerSettings(provider: string, env: NodeJS.ProcessEnv = {}, readFile: ReadSecretFile = readUtf8): unknown {
  return parseOperatorSettings(env, readFile)[provider];
}
