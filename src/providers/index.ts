// Every provider leakstop knows, registered once. Adding a provider: a folder src/providers/<id>/
// (rules.ts with its samples, and if leakstop can respond, settings.ts, adapter.ts and the
// capabilities in index.ts) and one line in PROVIDERS below.
import type { ProviderDefinition } from '../detect/rule.js';
import { ProblemsError } from '../problems-error.js';
import { ablyProvider } from './ably/index.js';
import { adyenProvider } from './adyen/index.js';
import { ageProvider } from './age/index.js';
import { akamaiProvider } from './akamai/index.js';
import { alibabaProvider } from './alibaba/index.js';
import { anthropicProvider } from './anthropic/index.js';
import { assemblyaiProvider } from './assemblyai/index.js';
import { airtableProvider } from './airtable/index.js';
import { algoliaProvider } from './algolia/index.js';
import { asanaProvider } from './asana/index.js';
import { atlassianProvider } from './atlassian/index.js';
import { auth0Provider } from './auth0/index.js';
import { awsProvider } from './aws/index.js';
import { azureDevopsProvider } from './azure-devops/index.js';
import { axiomProvider } from './axiom/index.js';
import { azureEntraProvider } from './azure-entra/index.js';
import { azureProvider } from './azure/index.js';
import { betterstackProvider } from './betterstack/index.js';
import { bitbucketProvider } from './bitbucket/index.js';
import { bitwardenProvider } from './bitwarden/index.js';
import { braintreeProvider } from './braintree/index.js';
import { brevoProvider } from './brevo/index.js';
import { buildkiteProvider } from './buildkite/index.js';
import { cerebrasProvider } from './cerebras/index.js';
import { checklyProvider } from './checkly/index.js';
import { checkoutComProvider } from './checkout-com/index.js';
import { circleciProvider } from './circleci/index.js';
import { clojarsProvider } from './clojars/index.js';
import { cloudflareProvider } from './cloudflare/index.js';
import { cockroachProvider } from './cockroach/index.js';
import { codecovProvider } from './codecov/index.js';
import { confluentProvider } from './confluent/index.js';
import { cohereProvider } from './cohere/index.js';
import { coinbaseProvider } from './coinbase/index.js';
import { boxProvider } from './box/index.js';
import { calendlyProvider } from './calendly/index.js';
import { clerkProvider } from './clerk/index.js';
import { clickupProvider } from './clickup/index.js';
import { cloudinaryProvider } from './cloudinary/index.js';
import { contentfulProvider } from './contentful/index.js';
import { contentstackProvider } from './contentstack/index.js';
import type { OperatorSettings, ProviderAdapter } from './contract.js';
import { cratesioProvider } from './cratesio/index.js';
import { databaseProvider } from './database/index.js';
import { databricksProvider } from './databricks/index.js';
import { datadogProvider } from './datadog/index.js';
import { denoProvider } from './deno/index.js';
import { deepgramProvider } from './deepgram/index.js';
import { deepseekProvider } from './deepseek/index.js';
import { digitaloceanProvider } from './digitalocean/index.js';
import { discordProvider } from './discord/index.js';
import { djangoProvider } from './django/index.js';
import { dockerConfigProvider } from './docker-config/index.js';
import { dockerProvider } from './docker/index.js';
import { docusignProvider } from './docusign/index.js';
import { dopplerProvider } from './doppler/index.js';
import { duffelProvider } from './duffel/index.js';
import { dropboxProvider } from './dropbox/index.js';
import { dynatraceProvider } from './dynatrace/index.js';
import { elasticProvider } from './elastic/index.js';
import { exoscaleProvider } from './exoscale/index.js';
import { fastlyProvider } from './fastly/index.js';
import { elevenlabsProvider } from './elevenlabs/index.js';
import { figmaProvider } from './figma/index.js';
import { firecrawlProvider } from './firecrawl/index.js';
import { fireworksProvider } from './fireworks/index.js';
import { easypostProvider } from './easypost/index.js';
import { flutterwaveProvider } from './flutterwave/index.js';
import { flyProvider } from './fly/index.js';
import { frameioProvider } from './frameio/index.js';
import { genericProvider } from './generic/index.js';
import { giteaProvider } from './gitea/index.js';
import { githubProvider } from './github/index.js';
import { gitlabProvider } from './gitlab/index.js';
import { gocardlessProvider } from './gocardless/index.js';
import { googleOauthProvider } from './google-oauth/index.js';
import { googleProvider } from './google/index.js';
import { grafanaProvider } from './grafana/index.js';
import { groqProvider } from './groq/index.js';
import { harnessProvider } from './harness/index.js';
import { herokuProvider } from './heroku/index.js';
import { hetznerProvider } from './hetzner/index.js';
import { honeycombProvider } from './honeycomb/index.js';
import { hubspotProvider } from './hubspot/index.js';
import { huggingfaceProvider } from './huggingface/index.js';
import { ibmProvider } from './ibm/index.js';
import { infisicalProvider } from './infisical/index.js';
import { infobipProvider } from './infobip/index.js';
import { jfrogProvider } from './jfrog/index.js';
import { jinaProvider } from './jina/index.js';
import { langfuseProvider } from './langfuse/index.js';
import { langsmithProvider } from './langsmith/index.js';
import { lemonsqueezyProvider } from './lemonsqueezy/index.js';
import { intercomProvider } from './intercom/index.js';
import { jotformProvider } from './jotform/index.js';
import { kubernetesProvider } from './kubernetes/index.js';
import { launchdarklyProvider } from './launchdarkly/index.js';
import { laravelProvider } from './laravel/index.js';
import { linearProvider } from './linear/index.js';
import { linodeProvider } from './linode/index.js';
import { logzioProvider } from './logzio/index.js';
import { mailchimpProvider } from './mailchimp/index.js';
import { mailgunProvider } from './mailgun/index.js';
import { modalProvider } from './modal/index.js';
import { mongodbAtlasProvider } from './mongodb-atlas/index.js';
import { mezmoProvider } from './mezmo/index.js';
import { mistralProvider } from './mistral/index.js';
import { mailjetProvider } from './mailjet/index.js';
import { mandrillProvider } from './mandrill/index.js';
import { messagebirdProvider } from './messagebird/index.js';
import { microsoftTeamsProvider } from './microsoft-teams/index.js';
import { mollieProvider } from './mollie/index.js';
import { mapboxProvider } from './mapbox/index.js';
import { metaProvider } from './meta/index.js';
import { miroProvider } from './miro/index.js';
import { mixpanelProvider } from './mixpanel/index.js';
import { mondayProvider } from './monday/index.js';
import { neonProvider } from './neon/index.js';
import { netlifyProvider } from './netlify/index.js';
import { netrcProvider } from './netrc/index.js';
import { newrelicProvider } from './newrelic/index.js';
import { ngrokProvider } from './ngrok/index.js';
import { notionProvider } from './notion/index.js';
import { npmProvider } from './npm/index.js';
import { nugetProvider } from './nuget/index.js';
import { octopusProvider } from './octopus/index.js';
import { oktaProvider } from './okta/index.js';
import { onepasswordProvider } from './onepassword/index.js';
import { openaiProvider } from './openai/index.js';
import { openrouterProvider } from './openrouter/index.js';
import { oracleProvider } from './oracle/index.js';
import { packagistProvider } from './packagist/index.js';
import { nvidiaProvider } from './nvidia/index.js';
import { opsgenieProvider } from './opsgenie/index.js';
import { pagerdutyProvider } from './pagerduty/index.js';
import { perplexityProvider } from './perplexity/index.js';
import { pineconeProvider } from './pinecone/index.js';
import { planetscaleProvider } from './planetscale/index.js';
import { paddleProvider } from './paddle/index.js';
import { paypalProvider } from './paypal/index.js';
import { paystackProvider } from './paystack/index.js';
import { plaidProvider } from './plaid/index.js';
import { plivoProvider } from './plivo/index.js';
import { posthogProvider } from './posthog/index.js';
import { postmanProvider } from './postman/index.js';
import { postmarkProvider } from './postmark/index.js';
import { prefectProvider } from './prefect/index.js';
import { privateKeyProvider } from './private-key/index.js';
import { capabilitiesOfRule, NO_CAPABILITIES, type AdapterDeps, type Capabilities, type ProviderModule } from './provider.js';
import { pulumiProvider } from './pulumi/index.js';
import { pusherProvider } from './pusher/index.js';
import { pypiProvider } from './pypi/index.js';
import { pypircProvider } from './pypirc/index.js';
import { railsProvider } from './rails/index.js';
import { railwayProvider } from './railway/index.js';
import { razorpayProvider } from './razorpay/index.js';
import { readmeProvider } from './readme/index.js';
import { renderProvider } from './render/index.js';
import { replicateProvider } from './replicate/index.js';
import { resendProvider } from './resend/index.js';
import { rollbarProvider } from './rollbar/index.js';
import { rubygemsProvider } from './rubygems/index.js';
import { runwayProvider } from './runway/index.js';
import { scalewayProvider } from './scaleway/index.js';
import { scalingoProvider } from './scalingo/index.js';
import { salesforceProvider } from './salesforce/index.js';
import { sanityProvider } from './sanity/index.js';
import { segmentProvider } from './segment/index.js';
import { sendgridProvider } from './sendgrid/index.js';
import { sentryProvider } from './sentry/index.js';
import { readUtf8, type ReadSecretFile } from './settings.js';
import { shippoProvider } from './shippo/index.js';
import { shopifyProvider } from './shopify/index.js';
import { sinchProvider } from './sinch/index.js';
import { slackProvider } from './slack/index.js';
import { snowflakeProvider } from './snowflake/index.js';
import { snykProvider } from './snyk/index.js';
import { sonarqubeProvider } from './sonarqube/index.js';
import { sourcegraphProvider } from './sourcegraph/index.js';
import { splunkProvider } from './splunk/index.js';
import { stabilityProvider } from './stability/index.js';
import { sparkpostProvider } from './sparkpost/index.js';
import { squareProvider } from './square/index.js';
import { stripeProvider } from './stripe/index.js';
import { sumologicProvider } from './sumologic/index.js';
import { storyblokProvider } from './storyblok/index.js';
import { stytchProvider } from './stytch/index.js';
import { supabaseProvider } from './supabase/index.js';
import { tailscaleProvider } from './tailscale/index.js';
import { teamcityProvider } from './teamcity/index.js';
import { tavilyProvider } from './tavily/index.js';
import { telegramProvider } from './telegram/index.js';
import { tencentProvider } from './tencent/index.js';
import { telnyxProvider } from './telnyx/index.js';
import { terraformProvider } from './terraform/index.js';
import { tigrisProvider } from './tigris/index.js';
import { travisProvider } from './travis/index.js';
import { togetherProvider } from './together/index.js';
import { trelloProvider } from './trello/index.js';
import { twilioProvider } from './twilio/index.js';
import { twitchProvider } from './twitch/index.js';
import { twitterProvider } from './twitter/index.js';
import { typeformProvider } from './typeform/index.js';
import { upstashProvider } from './upstash/index.js';
import { urlCredentialsProvider } from './url-credentials/index.js';
import { vaultProvider } from './vault/index.js';
import { vercelProvider } from './vercel/index.js';
import { vultrProvider } from './vultr/index.js';
import { voyageProvider } from './voyage/index.js';
import { wandbProvider } from './wandb/index.js';
import { xaiProvider } from './xai/index.js';
import { xataProvider } from './xata/index.js';
import { yandexProvider } from './yandex/index.js';
import { vonageProvider } from './vonage/index.js';
import { wiseProvider } from './wise/index.js';
import { zoomProvider } from './zoom/index.js';
import { webflowProvider } from './webflow/index.js';
import { workosProvider } from './workos/index.js';
import { zapierProvider } from './zapier/index.js';
import { zendeskProvider } from './zendesk/index.js';

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
  azureDevopsProvider,
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
  packagistProvider,
  clojarsProvider,
  planetscaleProvider,
  denoProvider,
  prefectProvider,
  harnessProvider,
  scalingoProvider,
  octopusProvider,
  mongodbAtlasProvider,
  teamcityProvider,
  tencentProvider,
  vultrProvider,
  hetznerProvider,
  ibmProvider,
  confluentProvider,
  fastlyProvider,
  akamaiProvider,
  travisProvider,
  elasticProvider,
  oracleProvider,
  snowflakeProvider,
  yandexProvider,
  tigrisProvider,
  modalProvider,
  exoscaleProvider,
  cockroachProvider,
  xataProvider,
  nvidiaProvider,
  cerebrasProvider,
  voyageProvider,
  fireworksProvider,
  togetherProvider,
  jinaProvider,
  runwayProvider,
  checklyProvider,
  axiomProvider,
  honeycombProvider,
  wandbProvider,
  elevenlabsProvider,
  deepseekProvider,
  stabilityProvider,
  pagerdutyProvider,
  opsgenieProvider,
  splunkProvider,
  sumologicProvider,
  logzioProvider,
  mezmoProvider,
  betterstackProvider,
  rollbarProvider,
  mistralProvider,
  cohereProvider,
  assemblyaiProvider,
  deepgramProvider,
  langfuseProvider,
  firecrawlProvider,
  tavilyProvider,
  squareProvider,
  braintreeProvider,
  paypalProvider,
  adyenProvider,
  plaidProvider,
  razorpayProvider,
  mollieProvider,
  paystackProvider,
  flutterwaveProvider,
  shippoProvider,
  easypostProvider,
  duffelProvider,
  gocardlessProvider,
  paddleProvider,
  brevoProvider,
  sparkpostProvider,
  mandrillProvider,
  vonageProvider,
  messagebirdProvider,
  telnyxProvider,
  plivoProvider,
  microsoftTeamsProvider,
  mailjetProvider,
  pusherProvider,
  ablyProvider,
  sinchProvider,
  infobipProvider,
  zoomProvider,
  coinbaseProvider,
  checkoutComProvider,
  lemonsqueezyProvider,
  wiseProvider,
  asanaProvider,
  airtableProvider,
  mondayProvider,
  clickupProvider,
  zendeskProvider,
  intercomProvider,
  salesforceProvider,
  typeformProvider,
  dropboxProvider,
  boxProvider,
  mapboxProvider,
  algoliaProvider,
  contentfulProvider,
  sanityProvider,
  segmentProvider,
  mixpanelProvider,
  launchdarklyProvider,
  auth0Provider,
  oktaProvider,
  clerkProvider,
  workosProvider,
  stytchProvider,
  twitchProvider,
  metaProvider,
  twitterProvider,
  cloudinaryProvider,
  trelloProvider,
  frameioProvider,
  readmeProvider,
  storyblokProvider,
  contentstackProvider,
  calendlyProvider,
  webflowProvider,
  miroProvider,
  jotformProvider,
  docusignProvider,
  zapierProvider,
  kubernetesProvider,
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
