// Hugging Face user access tokens: hf_ + 34 letters (https://huggingface.co/docs/hub/security-tokens).
// The prefix is common in identifiers (hf_token, hf_hub_download), so the token must stand alone
// and look random.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

/**
 * Random mixed-case letters average runs of ~2 lowercase letters; camelCase identifiers
 * (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) run ~4.
 */
const CAMEL_CASE_RUN = 3.5;

function meanLowercaseRun(body: string): number {
  const runs = body.match(/[a-z]+/g) ?? [];
  return runs.length === 0 ? 0 : runs.reduce((sum, run) => sum + run.length, 0) / runs.length;
}

const accessToken: Rule = {
  id: 'huggingface-access-token',
  provider: 'huggingface',
  title: 'Hugging Face access token',
  severity: 'high',
  keywords: ['hf_'],
  prefixes: ['hf_'],
  window: { before: 0, after: 37 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  // Real tokens mix cases; identifiers of the same length (hf_servingcellpriority…) are one case.
  validate: ({ secret }) => {
    const body = secret.slice('hf_'.length);
    if (!/[a-z]/.test(body) || !/[A-Z]/.test(body)) return { valid: false, reason: 'a single letter case: an identifier' };
    return meanLowercaseRun(body) >= CAMEL_CASE_RUN ? { valid: false, reason: 'camelCase words: an identifier' } : { valid: true };
  },
  remediation:
    'Invalidate the token at https://huggingface.co/settings/tokens (Manage → Invalidate and refresh, or delete it), then check the repositories and Inference usage it could reach.',
  samples: {
    positive: [
      'HF_TOKEN=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',
      "login(token='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')",
      'huggingface-cli login --token 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',
    ],
    negative: [
      'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'HF_TOKEN=hf_<your token>',
      // An identifier of the same shape, not random.
      '  M_UINT (ServingCellPriorityParametersDescription_t, H_PRIO, 2, &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);',
      // Truncated.
      'HF_TOKEN=hf_bQTIvCZHkMIOeVnLmUYvdRXWjnlHezSK',
      'from huggingface_hub import hf_hub_download',
    ],
  },
};

// Organization API tokens (legacy, https://huggingface.co/docs/hub/security-tokens): `api_org_` + 34
// letters, the organization's own token from before user access tokens replaced them.
const orgToken: Rule = {
  id: 'huggingface-org-token',
  provider: 'huggingface',
  title: 'Hugging Face organization API token',
  severity: 'high',
  keywords: ['api_org_'],
  prefixes: ['api_org_'],
  window: { before: 0, after: 42 },
  anchor: 'keyword',
  pattern: /(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: accessToken.validate!,
  remediation:
    "Delete the token in the organization's settings on Hugging Face (https://huggingface.co/organizations → the organization → Settings → API tokens) and move its users to fine-grained user access tokens.",
  samples: {
    positive: ['HF_ORG_TOKEN=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', "headers = {'Authorization': 'Bearer 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'}"],
    negative: [
      'HF_ORG_TOKEN=api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // An identifier of the same shape.
      'def get_api_org_membershipsforauthenticateduser(): pass',
      // Truncated.
      'HF_ORG_TOKEN=api_org_zvqWZcdqOHcMNtNdOanbgWGzlTBab',
    ],
  },
};

export const huggingface: ProviderDefinition = { id: 'huggingface', name: 'Hugging Face', rules: [accessToken, orgToken] };
