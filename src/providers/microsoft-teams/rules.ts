// Microsoft Teams webhook URLs: whoever holds one can post to the channel as the connector or flow.
// - Incoming webhooks (Office 365 connectors, https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
//   `https://<tenant>.webhook.office.com/webhookb2/<group id>@<tenant id>/IncomingWebhook/<32 hex>/<owner id>`,
//   newer ones with `/V2<token>` after; older ones on `outlook.office.com/webhook/`.
// - Workflows (Power Automate, which replaces connectors, https://learn.microsoft.com/power-automate/teams/teams-app-create):
//   `https://<environment>.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/<32 hex>/triggers/manual/paths/invoke?…&sig=<43 characters>`,
//   or the older `https://prod-NN.<region>.logic.azure.com:443/workflows/<32 hex>/triggers/manual/paths/invoke?…&sig=…`.
//   The `sig` (a shared access signature) is the secret; a URL without it is not.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const HEX = '[0-9a-f]';
const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

const incomingWebhook: Rule = {
  id: 'microsoft-teams-incoming-webhook',
  provider: 'microsoft-teams',
  title: 'Microsoft Teams incoming webhook URL',
  severity: 'medium',
  keywords: ['.webhook.office.com/webhookb2/', 'outlook.office.com/webhook/'],
  window: { before: 80, after: 260 },
  pattern: new RegExp(
    String.raw`(?<secret>https://(?:[a-z0-9-]{1,63}\.webhook\.office\.com/webhookb2|outlook\.office\.com/webhook)/${UUID}@${UUID}/IncomingWebhook/${HEX}{32}/${UUID}(?:/V2[A-Za-z0-9_-]{30,60})?)(?![A-Za-z0-9_-])`,
  ),
  minEntropy: 3,
  remediation:
    'Remove the Incoming Webhook connector from the channel (the channel → ⋯ → Manage channel → Connectors → Configured → Incoming Webhook → Remove, https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook), create a new one if still needed (or move to a Workflow), and check the channel for messages you did not post.',
  samples: {
    positive: [
      'TEAMS_WEBHOOK_URL=https://acmecorp.webhook.office.com/webhookb2/3f1c9e52-8b7d-4a60-9e21-5d4c8b7a6f13@9d2e4b71-6c5a-4f38-b1e0-2a7d9c3f8e64/IncomingWebhook/fcc04783a7a3d0e7b6458134d96b3db6/6a8e2d14-3b9f-47c5-a1d0-8e5f2c7b9a31',
      "const webHookURL = 'https://contoso-it.webhook.office.com/webhookb2/b7e3a9d1-4c2f-4e85-9a6b-1d8f3e5c7a29@5c1e8f3a-2d9b-4a7e-8c6f-3b2a1d9e8f47/IncomingWebhook/7fb0bf7adf41364ab3c62c0ebda7b6b9/c2d4f6a8-1b3e-45d7-9f2a-6e8c0b4d2f13/V2iqah_t-rIzBnqaeayV4YKVU-STkntqClOryfRYupav_1'",
    ],
    negative: [
      'TEAMS_WEBHOOK_URL=https://your-org.webhook.office.com/webhookb2/XXXXXXXXXXXXXXXXXXXXXXXX/IncomingWebhook/XXXXXXXXXXXXXXXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX',
      'const url = `https://${org}.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<id>/<owner>`;',
      // The token part is cut short.
      'TEAMS_WEBHOOK_URL=https://acmecorp.webhook.office.com/webhookb2/3f1c9e52-8b7d-4a60-9e21-5d4c8b7a6f13@9d2e4b71-6c5a-4f38-b1e0-2a7d9c3f8e64/IncomingWebhook/fcc04783a7a3d0e7b6458134d96b3db/6a8e2d14-3b9f-47c5-a1d0-8e5f2c7b9a31',
    ],
  },
};

const workflowWebhook: Rule = {
  id: 'microsoft-teams-workflow-webhook',
  provider: 'microsoft-teams',
  title: 'Microsoft Teams workflow (Power Automate) webhook URL',
  severity: 'medium',
  keywords: ['/paths/invoke'],
  window: { before: 260, after: 260 },
  pattern: new RegExp(
    String.raw`(?<secret>https://[a-z0-9.-]{1,100}\.(?:environment\.api\.powerplatform\.com|logic\.azure\.com)(?::443)?/(?:powerautomate/automations/direct/(?:[a-z0-9]{1,4}/[a-z0-9]{1,4}/)?)?workflows/${HEX}{32}/triggers/[A-Za-z0-9_.%-]{1,80}/paths/invoke/?\?[A-Za-z0-9%&=._-]{0,200}?sig=[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`,
  ),
  minEntropy: 3,
  remediation:
    'Change the flow\'s trigger URL: in Power Automate (https://make.powerautomate.com/) open the flow, delete the "When a Teams webhook request is received" (or HTTP request) trigger and add it again, which issues a new sig; update the senders, and check the flow\'s run history for runs you did not start.',
  samples: {
    positive: [
      'TEAMS_WEBHOOK_URL=https://defaultd4c81b5e2a9f4e07b36c5a18f02e7d.93.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/92b5dd97698df8e5b3c2948ab81f0838/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=bUz-6tpw6Bu6bjjAwoQwZAWs7x0TC1L_rdw19T6EAE9',
      'url = "https://prod-27.westeurope.logic.azure.com:443/workflows/3684e21f274e9ec2196a5932d27c43f1/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=ijWm7d_IA6V98AQXW6E2-qlc58FWblMcsomysyXF96b"',
    ],
    negative: [
      // No sig: the URL alone does not authorize a call.
      'TEAMS_WEBHOOK_URL=https://defaultd4c81b5e2a9f4e07b36c5a18f02e7d.93.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/5e0c7a91d3b84f26a1c9e8d70b4f3a62/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0',
      'FLOW_URL=https://prod-27.westeurope.logic.azure.com:443/workflows/<workflow id>/triggers/manual/paths/invoke?api-version=2016-06-01&sig=<signature>',
      // The sig is cut short.
      'url = "https://prod-27.westeurope.logic.azure.com:443/workflows/3684e21f274e9ec2196a5932d27c43f1/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=ijWm7d_IA6V98AQXW6E2-qlc58FWblMcsomysyXF96"',
      // Another host: not a Power Automate or Logic Apps trigger.
      'url = "https://example.org/workflows/3684e21f274e9ec2196a5932d27c43f1/triggers/manual/paths/invoke?sig=ijWm7d_IA6V98AQXW6E2-qlc58FWblMcsomysyXF96b"',
    ],
  },
};

export const microsoftTeams: ProviderDefinition = { id: 'microsoft-teams', name: 'Microsoft Teams', rules: [incomingWebhook, workflowWebhook] };
