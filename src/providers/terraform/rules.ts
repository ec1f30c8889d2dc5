// HCP Terraform (Terraform Cloud) and Terraform Enterprise API tokens: user, team and organization
// tokens (https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens),
// the value `terraform login` writes to credentials.tfrc.json. Their form is a 14-character id,
// the fixed `.atlasv1.` and a 60-70 character secret (observed: 67).
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const apiToken: Rule = {
  id: 'terraform-cloud-api-token',
  provider: 'terraform',
  title: 'HCP Terraform / Terraform Enterprise API token',
  // Runs plans and applies with the workspaces' cloud credentials.
  severity: 'critical',
  keywords: ['.atlasv1.'],
  window: { before: 14, after: 80 },
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  remediation:
    'Delete the token in HCP Terraform (User settings → Tokens, or the team or organization API token page, https://app.terraform.io/app/settings/tokens), check the workspaces it could reach for runs you did not start, and create a new one.',
  samples: {
    positive: [
      'credentials "app.terraform.io" {\n  token = "Z7VM6suCZMQ4T8.atlasv1.YJ4W1pzmXxmAtxVkgROkK6CYD45dx5hAG6wa2m3ocezlUraqgtehumtkUjychs7iU4K"\n}',
      'TF_API_TOKEN=GybNwa8sm4rcKc.atlasv1.a4FUKJubZVbBKMXQIhUcLSZ2wmeIxVMr60PJv1JqvV8xHK2Pan1gshjfXL7B20Oc91B',
    ],
    negative: [
      'token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      // Cut short, as in tutorials.
      'token = "mhVn15hHLylFvQ.atlasv1.jAH..."',
      // The id is 13 characters.
      'token = "ybNwa8sm4rcKc.atlasv1.a4FUKJubZVbBKMXQIhUcLSZ2wmeIxVMr60PJv1JqvV8xHK2Pan1gshjfXL7B20Oc91B"',
      'TF_TOKEN_app_terraform_io=<your token>.atlasv1.<secret>',
    ],
  },
};

export const terraform: ProviderDefinition = { id: 'terraform', name: 'HCP Terraform', rules: [apiToken] };
