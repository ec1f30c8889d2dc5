// Every provider leakstop knows. Adding a provider: add its file here and in the list below.
import type { ProviderDefinition } from '../detect/rule.js';
import { anthropic } from './anthropic.js';
import { aws } from './aws.js';
import { azure } from './azure.js';
import { database } from './database.js';
import { databricks } from './databricks.js';
import { digitalocean } from './digitalocean.js';
import { discord } from './discord.js';
import { doppler } from './doppler.js';
import { generic } from './generic.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { google } from './google.js';
import { grafana } from './grafana.js';
import { huggingface } from './huggingface.js';
import { linear } from './linear.js';
import { mailgun } from './mailgun.js';
import { npm } from './npm.js';
import { openai } from './openai.js';
import { postman } from './postman.js';
import { privateKey } from './private-key.js';
import { pypi } from './pypi.js';
import { sendgrid } from './sendgrid.js';
import { shopify } from './shopify.js';
import { slack } from './slack.js';
import { stripe } from './stripe.js';
import { telegram } from './telegram.js';
import { twilio } from './twilio.js';
import { vault } from './vault.js';

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
