// Hard negatives for the providers added by the breadth work: each provider's own type prefix with
// too little after it (a value cut short in a log, a doc or a diff) and with a placeholder after it
// (`<your token>`, `xxxx`, `...`), where a scanner that trusts the prefix alone would report a leak.
// The prefixes are the providers' published ones; nothing here is a credential.

/** [provider, prefix, the variable it is usually assigned to]. */
const PREFIXES = [
  ['brevo', 'xkeysib-', 'BREVO_API_KEY'], ['shippo', 'shippo_live_', 'SHIPPO_API_TOKEN'], ['planetscale', 'pscale_tkn_', 'PLANETSCALE_SERVICE_TOKEN'],
  ['duffel', 'duffel_live_', 'DUFFEL_ACCESS_TOKEN'], ['easypost', 'EZAK', 'EASYPOST_API_KEY'], ['flutterwave', 'FLWSECK-', 'FLW_SECRET_KEY'],
  ['razorpay', 'rzp_live_', 'RAZORPAY_KEY_ID'], ['square', 'sq0csp-', 'SQUARE_APPLICATION_SECRET'], ['honeycomb', 'hcaik_', 'HONEYCOMB_API_KEY'],
  ['axiom', 'xaat-', 'AXIOM_TOKEN'], ['cerebras', 'csk-', 'CEREBRAS_API_KEY'], ['nvidia', 'nvapi-', 'NVIDIA_API_KEY'],
  ['fireworks', 'fw_', 'FIREWORKS_API_KEY'], ['voyage', 'pa-', 'VOYAGE_API_KEY'], ['prefect', 'pnu_', 'PREFECT_API_KEY'],
  ['tavily', 'tvly-', 'TAVILY_API_KEY'], ['firecrawl', 'fc-', 'FIRECRAWL_API_KEY'], ['langfuse', 'sk-lf-', 'LANGFUSE_SECRET_KEY'],
  ['jina', 'jina_', 'JINA_API_KEY'], ['checkly', 'cu_', 'CHECKLY_API_KEY'], ['wandb', 'wandb_v1_', 'WANDB_API_KEY'],
  ['together', 'tgp_v1_', 'TOGETHER_API_KEY'], ['contentful', 'CFPAT-', 'CONTENTFUL_MANAGEMENT_TOKEN'], ['typeform', 'tfp_', 'TYPEFORM_TOKEN'],
  ['linear', 'lin_oauth_', 'LINEAR_OAUTH_TOKEN'], ['readme', 'rdme_', 'README_API_KEY'], ['frameio', 'fio-u-', 'FRAMEIO_TOKEN'],
  ['stytch', 'secret-live-', 'STYTCH_SECRET'], ['deno', 'ddp_', 'DENO_DEPLOY_TOKEN'], ['cockroachdb', 'CCDB1_', 'COCKROACH_API_KEY'],
  ['xata', 'xau_', 'XATA_API_KEY'], ['tigris', 'tsec_', 'TIGRIS_SECRET_ACCESS_KEY'], ['docker', 'dckr_pat_', 'DOCKERHUB_TOKEN'],
  ['onepassword', 'ops_', 'OP_SERVICE_ACCOUNT_TOKEN'], ['pulumi', 'pul-', 'PULUMI_ACCESS_TOKEN'], ['circleci', 'CCIPAT_', 'CIRCLECI_TOKEN'],
  ['buildkite', 'bkua_', 'BUILDKITE_API_TOKEN'], ['rubygems', 'rubygems_', 'GEM_HOST_API_KEY'], ['tailscale', 'tskey-api-', 'TAILSCALE_API_KEY'],
  ['atlassian', 'ATATT3', 'JIRA_API_TOKEN'], ['segment', 'sgp_', 'SEGMENT_PUBLIC_API_TOKEN'], ['grafana', 'glc_', 'GRAFANA_CLOUD_TOKEN'],
  ['sentry', 'sntrys_', 'SENTRY_AUTH_TOKEN'], ['newrelic', 'NRAK-', 'NEW_RELIC_API_KEY'], ['dynatrace', 'dt0c01.', 'DT_API_TOKEN'],
  ['posthog', 'phx_', 'POSTHOG_PERSONAL_API_KEY'], ['hubspot', 'pat-na1-', 'HUBSPOT_ACCESS_TOKEN'], ['notion', 'ntn_', 'NOTION_TOKEN'],
  ['figma', 'figd_', 'FIGMA_TOKEN'], ['groq', 'gsk_', 'GROQ_API_KEY'], ['replicate', 'r8_', 'REPLICATE_API_TOKEN'],
  ['perplexity', 'pplx-', 'PERPLEXITY_API_KEY'], ['xai', 'xai-', 'XAI_API_KEY'], ['openrouter', 'sk-or-v1-', 'OPENROUTER_API_KEY'],
  ['langsmith', 'lsv2_pt_', 'LANGSMITH_API_KEY'], ['digitalocean', 'dop_v1_', 'DIGITALOCEAN_TOKEN'], ['doppler', 'dp.st.', 'DOPPLER_TOKEN'],
  ['postman', 'PMAK-', 'POSTMAN_API_KEY'], ['vault', 'hvs.', 'VAULT_TOKEN'], ['clickup', 'pk_', 'CLICKUP_API_TOKEN'],
  ['huggingface', 'api_org_', 'HF_ORG_TOKEN'], ['vercel', 'vcp_', 'VERCEL_TOKEN'], ['heroku', 'HRKU-', 'HEROKU_API_KEY'],
  ['supabase', 'sb_secret_', 'SUPABASE_SECRET_KEY'], ['neon', 'napi_', 'NEON_API_KEY'], ['render', 'rnd_', 'RENDER_API_KEY'],
  ['scaleway', 'SCW', 'SCW_SECRET_KEY'], ['mandrill', 'md-', 'MANDRILL_API_KEY'], ['telnyx', 'KEY01', 'TELNYX_API_KEY'],
  ['launchdarkly', 'api-', 'LD_API_KEY'], ['trello', 'ATTA', 'TRELLO_TOKEN'], ['zapier', 'https://hooks.zapier.com/hooks/catch/', 'ZAPIER_WEBHOOK_URL'],
];

export function items(random, kit) {
  const { ALNUM, assignment, negative } = kit;
  const found = [];
  const placeholders = ['<your-token>', 'xxxxxxxxxxxxxxxx', '...', 'YOUR_KEY_HERE', '${TOKEN}', '********'];
  for (const [provider, prefix, name] of PREFIXES) {
    // Cut short: at most 14 characters in all, fewer than any of these formats and than the generic rule reads.
    const cut = prefix + random.chars(ALNUM, Math.max(2, Math.min(6, 14 - prefix.length)));
    found.push(negative('truncated', provider, `${prefix} cut short`, assignment(name, prefix.length >= 14 ? prefix : cut)));
    found.push(negative('placeholder', provider, `${prefix} and a placeholder`, assignment(name, prefix + random.pick(placeholders))));
  }
  return found;
}
