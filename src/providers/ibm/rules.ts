// IBM Cloud API keys (https://cloud.ibm.com/docs/account?topic=account-userapikey): 44 base64url
// characters, no prefix. A key is a finding when named as IBM Cloud's (IBMCLOUD_API_KEY,
// IC_API_KEY for Terraform, ibm_cloud_apikey…) or as the `apikey` of a service credential, whose
// JSON carries `iam_apikey_description` beside it.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN } from '../boundaries.js';

function checkMix({ secret }: Candidate): Validation {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' };
}

const apiKey: Rule = {
  id: 'ibm-cloud-api-key',
  provider: 'ibm',
  title: 'IBM Cloud API key',
  severity: 'critical',
  keywords: ['ibmcloud', 'ibm_cloud', 'ibm-cloud', 'ic_api_key', 'iam_apikey'],
  keywordsIgnoreCase: true,
  window: { before: 300, after: 300 },
  pattern: new RegExp(
    String.raw`(?:(?:ibm[_-]?cloud[A-Za-z0-9_.-]{0,20}|\bic_)api[_.-]?key${ASSIGN}|"apikey"[\t ]{0,4}:[\t ]{0,4}")(?<secret>[A-Za-z0-9_-]{44})(?![A-Za-z0-9_-])`,
    'i',
  ),
  minEntropy: 4,
  validate: checkMix,
  remediation:
    'Delete the key in IBM Cloud (Manage → Access (IAM) → API keys, or the service ID\'s API keys, https://cloud.ibm.com/iam/apikeys), check Activity Tracker for its use, and create a new key; IBM Cloud may already have locked or disabled a key it found public.',
  samples: {
    positive: [
      'IBMCLOUD_API_KEY=7IXiQTNQmRwHAWqb8mcjsOdq-Llc3cTarNrjJv9_An3Y',
      '{\n  "apikey": "3SR9sudoOSKe8agcimIYIW1l5bnRJ2jiLnHq_dIIzCkT",\n  "iam_apikey_description": "Auto-generated for key crn:v1:bluemix:public:cloud-object-storage:global:a/1f2e3d::",\n  "iam_role_crn": "crn:v1:bluemix:public:iam::::serviceRole:Writer"\n}',
      'export IC_API_KEY="3SR9sudoOSKe8agcimIYIW1l5bnRJ2jiLnHq_dIIzCkT"',
      // Spring/Java properties.
      'ibmcloud.api.key=-Uf5ftr-U1SKUzuusy-CpKKXW--noEnQckobVEqAwGKd',
    ],
    negative: [
      'IBMCLOUD_API_KEY=<your IBM Cloud API key>',
      'IBMCLOUD_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // An apikey field with no IBM Cloud service credential around it.
      '{"apikey": "7IXiQTNQmRwHAWqb8mcjsOdq-Llc3cTarNrjJv9_An3Y"}',
      'IBMCLOUD_API_KEY=${IBMCLOUD_API_KEY}',
    ],
  },
};

export const ibm: ProviderDefinition = { id: 'ibm', name: 'IBM Cloud', rules: [apiKey] };
