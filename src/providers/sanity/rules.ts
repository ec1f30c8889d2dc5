// Sanity API tokens (https://www.sanity.io/docs/content-lake/http-auth): robot tokens made in the
// project's API settings, `sk` then a long run of alphanumerics (around 180). `sk` alone starts too
// many values (Stripe's, Mapbox's...), so a token counts only near the word "sanity".
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { TOKEN_END, TOKEN_START } from '../boundaries.js';

function looksRandom({ secret }: Candidate): Validation {
  const body = secret.slice(2);
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiToken: Rule = {
  id: 'sanity-api-token',
  provider: 'sanity',
  title: 'Sanity API token',
  severity: 'high',
  keywords: ['sanity'],
  keywordsIgnoreCase: true,
  prefixes: ['sk'],
  window: { before: 200, after: 400 },
  pattern: new RegExp(String.raw`${TOKEN_START}(?<secret>sk[A-Za-z0-9]{150,250})${TOKEN_END}`),
  minEntropy: 4.5,
  validate: looksRandom,
  remediation:
    "Delete the token in the project's API settings (https://www.sanity.io/manage → the project → API → Tokens), create a new one with the least role needed, and check the datasets it could write.",
  samples: {
    positive: [
      'SANITY_API_TOKEN=skrAbFnMWZh97OU7ik5JPyZLf9R27DM4TDoxpxbnDuMTtjTpnE6MVQhfkjZnI3Q2nF4aGzK1MdNBMt5fW4oFl8Ig0fr4fxWPUPRVe1n7YptN8y7oAFnMJd3SlxArdT1hHdHWG0Bo2hEKmCKDNx86cXNXc9iuQzOMRUvEgvDAdlZyuJZrDbJsw2jyVwCsHVeGJXG',
      "const client = createClient({ projectId: 'x3k9q2lm', dataset: 'production', token: 'skX1LIf6fM4Aa6eJ1w3kAUIfLpNSKcowsE0SKfIkH8tcRtfPRDW5uAoqqYnqHqdOhmrOFCHPtyfePqXOb9x9cIKJFMZ62z4AT4egS3DM9CsQkdrEK8RhmfkxsBqbp3sdOzn4PBWPzHFTP9Itff6m8uRzHC2BQhpHnjuP0H5UoAnN1MRPVswpd6EZd1m9q8D9bYPr' }); // @sanity/client",
    ],
    negative: [
      // No Sanity context.
      'API_TOKEN=skrAbFnMWZh97OU7ik5JPyZLf9R27DM4TDoxpxbnDuMTtjTpnE6MVQhfkjZnI3Q2nF4aGzK1MdNBMt5fW4oFl8Ig0fr4fxWPUPRVe1n7YptN8y7oAFnMJd3SlxArdT1hHdHWG0Bo2hEKmCKDNx86cXNXc9iuQzOMRUvEgvDAdlZyuJZrDbJsw2jyVwCsHVeGJXG',
      'SANITY_API_TOKEN=skxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SANITY_API_TOKEN=<your token>',
      // Cut short.
      'SANITY_API_TOKEN=skrAbFnMWZh97OU7ik5JPyZLf9R27DM4TDoxpxbnDuMTtjTpnE6MVQhfkjZnI3Q2nF4aGzK1MdNBMt5fW4oFl8Ig0fr4fx',
    ],
  },
};

export const sanity: ProviderDefinition = { id: 'sanity', name: 'Sanity', rules: [apiToken] };
