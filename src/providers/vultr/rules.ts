// Vultr API keys (https://docs.vultr.com/platform/other/api/manage-api-keys, VULTR_API_KEY): 36
// upper-case letters and digits, no prefix, so a key is a finding only when named as Vultr's.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[A-Z]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of letters and digits' };
}

const apiKey: Rule = {
  id: 'vultr-api-key',
  provider: 'vultr',
  title: 'Vultr API key',
  severity: 'critical',
  keywords: ['vultr'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 130 },
  // VULTR_API_KEY=…, vultr_api_key: …, and a Terraform variable's default: variable "vultr_api_key" { default = "…" }.
  pattern: new RegExp(String.raw`vultr[A-Za-z0-9_.-]{0,24}(?:key|token)(?:${ASSIGN}|"[	 ]{0,4}\{[	
 ]{0,20}default[	 ]{0,4}=[	 ]{0,4}")(?<secret>[A-Z0-9]{36})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 3.5,
  validate: checkMix,
  remediation:
    'Regenerate or delete the key in the Vultr customer portal (Account → API, or the user\'s API keys, https://my.vultr.com/settings/#settingsapi), check the account\'s activity for instances or changes you did not make, and restrict the new key by IP.',
  samples: {
    positive: ['VULTR_API_KEY=JXJAVWCVCHMRDCDP4ZD0CFTSKCLDLG92L0YL', 'variable "vultr_api_key" {\n  default = "9PQ3PV0NE181BDEKPTONTIHIAWWASF7P38HX"\n}'],
    negative: [
      'VULTR_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'VULTR_API_KEY=${VULTR_API_KEY}',
      // Lower case: not a Vultr key.
      'vultr_key = "jxjavwcvchmrdcdp4zd0cftskcldlg92l0yl"',
      // An id, not a key.
      'vultr_instance_id = "cb676a46-66fd-4dfb-b839-443f2e6c0b60"',
    ],
  },
};

export const vultr: ProviderDefinition = { id: 'vultr', name: 'Vultr', rules: [apiKey] };
