// Every provider leakstop knows. Adding a provider: add its file here and in the list below.
import type { ProviderDefinition } from '../detect/rule.js';
import { anthropic } from './anthropic/rules.js';
import { aws } from './aws/rules.js';
import { azure } from './azure/rules.js';
import { database } from './database/rules.js';
import { databricks } from './databricks/rules.js';
import { digitalocean } from './digitalocean/rules.js';
import { discord } from './discord/rules.js';
import { doppler } from './doppler/rules.js';
import { generic } from './generic/rules.js';
import { github } from './github/rules.js';
import { gitlab } from './gitlab/rules.js';
import { google } from './google/rules.js';
import { grafana } from './grafana/rules.js';
import { huggingface } from './huggingface/rules.js';
import { linear } from './linear/rules.js';
import { mailgun } from './mailgun/rules.js';
import { npm } from './npm/rules.js';
import { openai } from './openai/rules.js';
import { postman } from './postman/rules.js';
import { privateKey } from './private-key/rules.js';
import { pypi } from './pypi/rules.js';
import { sendgrid } from './sendgrid/rules.js';
import { shopify } from './shopify/rules.js';
import { slack } from './slack/rules.js';
import { stripe } from './stripe/rules.js';
import { telegram } from './telegram/rules.js';
import { twilio } from './twilio/rules.js';
import { vault } from './vault/rules.js';

export const allProviders: readonly ProviderDefinition[] = [
  github,
  aws,
  slack,
  stripe,
  openai,
  anthropic,
  gitlab,
  npm,
  pypi,
  google,
  azure,
  huggingface,
  sendgrid,
  twilio,
  shopify,
  digitalocean,
  databricks,
  linear,
  doppler,
  postman,
  vault,
  grafana,
  telegram,
  discord,
  mailgun,
  privateKey,
  database,
  generic,
];
