// Slack tokens and incoming webhooks. Token types by prefix
// (https://api.slack.com/authentication/token-types): xoxb- bot, xoxp- user, xapp- app-level,
// xoxe.xoxp-/xoxe.xoxb- configuration tokens and xoxe- their refresh tokens
// (https://api.slack.com/authentication/config-tokens), xoxa-/xoxr-/xoxs-/xoxo- legacy workspace
// and session tokens. Shapes follow gitleaks' slack rules and published examples.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { notAfter, TOKEN_END } from '../boundaries.js';

const REVOKE_TOKEN =
  'Revoke the token with the auth.revoke API method (https://api.slack.com/methods/auth.revoke) or by reinstalling the app from https://api.slack.com/apps, then store the new token outside the code.';

/** Token characters may not continue before or after a match. */
/** A dot before the token too: `x.xoxb-…` is part of a longer value. */
const START = notAfter('A-Za-z0-9_.-');
const END = TOKEN_END;

const botToken: Rule = {
  id: 'slack-bot-token',
  provider: 'slack',
  title: 'Slack bot token',
  severity: 'high',
  keywords: ['xoxb-'],
  prefixes: ['xoxb-'],
  window: { before: 0, after: 70 },
  anchor: 'keyword',
  // Current: team id, bot id, 24 characters; legacy bot tokens have a single id part.
  pattern: new RegExp(String.raw`${START}(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,32})${END}`),
  minEntropy: 3,
  remediation: REVOKE_TOKEN,
  samples: {
    positive: [
      'SLACK_BOT_TOKEN=xoxb-996748406151-3968490419247-EPPAY6qQSLZwvPwnvpHS7H9E',
      "app = App(token='xoxb-719475549518-4269534577212-zbCAa7W6S0CpW9yWpyuJ6uzB', signing_secret=os.environ['SLACK_SIGNING_SECRET'])",
      '"bot_token": "xoxb-17176506061-hrZP6JytSW7Ud8IwKRjOcVCb"',
    ],
    negative: [
      'SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_BOT_TOKEN=xoxb-your-bot-token',
      'SLACK_BOT_TOKEN=xoxb-12345-abcd234',
      // Truncated: the secret part is cut short.
      'SLACK_BOT_TOKEN=xoxb-996748406151-3968490419247-EPPAY6q',
    ],
  },
};

const userToken: Rule = {
  id: 'slack-user-token',
  provider: 'slack',
  title: 'Slack user token',
  severity: 'critical',
  keywords: ['xoxp-', 'xoxe-'],
  prefixes: ['xoxp-', 'xoxe-'],
  window: { before: 0, after: 90 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>xox[pe]-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,34})${END}`),
  minEntropy: 3,
  remediation: REVOKE_TOKEN,
  samples: {
    positive: [
      'SLACK_USER_TOKEN="xoxp-905868056807-593529376352-1541133539676-6565f6518072c56f3c895e8d218a1095"',
      'curl -H "Authorization: Bearer xoxp-279065646080-898707444031-3259145091780-a0a5239e497233591ed6f71f449bbb2c" https://slack.com/api/conversations.list',
    ],
    negative: [
      'SLACK_USER_TOKEN="xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
      'SLACK_USER_TOKEN="xoxp-1234567890"',
      'SLACK_USER_TOKEN="xoxp-572370529330-573807301142-572331691188-####################"',
      'SLACK_USER_TOKEN="xoxp-905868056807-593529376352-1541133539676-6565f6518072c56f3c8"',
    ],
  },
};

const appToken: Rule = {
  id: 'slack-app-token',
  provider: 'slack',
  title: 'Slack app-level token',
  severity: 'high',
  keywords: ['xapp-'],
  prefixes: ['xapp-'],
  window: { before: 0, after: 120 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>xapp-[0-9]-A[A-Z0-9]{8,12}-[0-9]{10,14}-[A-Za-z0-9]{32,80})${END}`),
  minEntropy: 3,
  remediation:
    'Revoke the app-level token at https://api.slack.com/apps (your app → Basic Information → App-Level Tokens) and generate a new one.',
  samples: {
    positive: [
      'SLACK_APP_TOKEN=xapp-1-A901PWBNK7X-5027653372371-ce854cc71aa55d18d13b7717e369095f961d6be9a56643d6d8f0fe9ceb2ed1d5',
      "socket_mode_handler = SocketModeHandler(app, 'xapp-1-AAP76CWXRMY-6955940445299-cb7233d3c749682f59cbd26ecebe03283f8e66262b5f6585f34191be162bdcd5')",
    ],
    negative: [
      'SLACK_APP_TOKEN=xapp-1-AXXXXXXXXXX-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_APP_TOKEN=xapp-<your-app-level-token>',
      'SLACK_APP_TOKEN=xapp-1-A901PWBNK7X-5027653372371-ce854cc71aa55d18',
    ],
  },
};

const configToken: Rule = {
  id: 'slack-config-token',
  provider: 'slack',
  title: 'Slack app configuration token',
  severity: 'high',
  keywords: ['xoxe.xoxp-', 'xoxe.xoxb-', 'xoxe-'],
  prefixes: ['xoxe.xoxp-', 'xoxe.xoxb-', 'xoxe-'],
  window: { before: 0, after: 200 },
  anchor: 'keyword',
  // An access token (xoxe.xoxp-1-…, 163-166 characters) or its refresh token (xoxe-1-…, 146).
  pattern: new RegExp(String.raw`${START}(?<secret>xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{150,180}|xoxe-[0-9]-[A-Za-z0-9]{140,160})${END}`),
  minEntropy: 4,
  remediation:
    'Revoke the configuration token with tooling.tokens.rotate or by regenerating it at https://api.slack.com/apps (Your App Configuration Tokens), then issue a new one.',
  samples: {
    positive: [
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-P2tIl3usIgBtVoeX1zyq4hkRvDcOCVBRwMJMJzvvNDB8WT8EFTYgxdqdEXKsUdsKpV5DFzANgpAtj1Q2O8iQOPD57M4NqgCEwmlGLL2tBJuiuFDBObrJDeq0AsfWsRDljgsjknAE9RQsaq6VUYTuf5nZz7VRHAlTi1A',
      '"refresh_token": "xoxe-1-VY6XH9Wu1L9nIb9vqV1wrU6aVUjhihgp1Vl1y0tZk0kzOt8D7K0bs7nfwRIjtl2ZqBTDngoJeoGUJrLtOe9ET3Zs6pJ8p40fzf6N1gftSteqtbkdN53D3fm9zT9jdmiRUwWA2kWhuJBUKPJt0v"',
    ],
    negative: [
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere',
      'SLACK_CONFIG_TOKEN=xoxe.xoxp-1-RANDOMSTRINGHERE',
      'SLACK_REFRESH_TOKEN=xoxe-1-xxx',
    ],
  },
};

const legacyToken: Rule = {
  id: 'slack-legacy-token',
  provider: 'slack',
  title: 'Slack legacy workspace or session token',
  severity: 'high',
  keywords: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  prefixes: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  window: { before: 0, after: 130 },
  anchor: 'keyword',
  pattern: new RegExp(String.raw`${START}(?<secret>xox[aors]-(?:[0-9]-)?[0-9]{6,14}-[0-9]{6,14}-[0-9]{6,14}-[a-f0-9]{10,64})${END}`),
  minEntropy: 3,
  remediation: REVOKE_TOKEN,
  samples: {
    positive: [
      'SLACK_TOKEN=xoxa-2-371086453613-593957189499-9367198247083-23ff1e89cca658a580a2daaba37778c0',
      '"access_token": "xoxs-6173327417-7248390798-8835539365-c36f0ca33d"',
      'refresh: xoxr-590701058009-949011723001-6994850196506-53a92db84fec3a6fd9c2314a60262712',
    ],
    negative: [
      'https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg',
      'SLACK_TOKEN=xoxa-faketoken',
      'SLACK_TOKEN=xoxs-1111111111-1111111111-1111111111-aaaaaaaaaa',
    ],
  },
};

const webhookUrl: Rule = {
  id: 'slack-webhook-url',
  provider: 'slack',
  title: 'Slack incoming or workflow webhook URL',
  severity: 'medium',
  keywords: ['hooks.slack.com/'],
  prefixes: [
    'https://hooks.slack.com/services/',
    'https://hooks.slack.com/workflows/',
    'https://hooks.slack.com/triggers/',
    'hooks.slack.com/services/',
    'hooks.slack.com/workflows/',
    'hooks.slack.com/triggers/',
  ],
  window: { before: 8, after: 140 },
  // Incoming webhooks (services/T…/B…/secret), legacy workflow webhooks (workflows/T…/A…/id/secret)
  // and the webhook triggers of the new workflow platform (triggers/T…/id/secret,
  // https://api.slack.com/automation/triggers/webhook).
  pattern:
    /(?<secret>(?:https?:\/\/)?hooks\.slack\.com\/(?:services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}|workflows\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/[0-9]{10,20}|triggers\/T[A-Z0-9]{6,12}\/[0-9]{10,20})\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  remediation:
    'Remove the webhook at https://api.slack.com/apps (your app → Incoming Webhooks → Remove), or for a legacy integration at https://my.slack.com/apps/manage/custom-integrations, and create a new one.',
  samples: {
    positive: [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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',
      "requests.post('https://hooks.slack.com/services/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', json={'text': msg})",
      'url: https://hooks.slack.com/workflows/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',
      'curl -X POST https://hooks.slack.com/triggers/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 -d \'{"status": "deployed"}\'',
    ],
    negative: [
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/<team>/<channel>/<token>',
      'See https://hooks.slack.com/services/ for the webhook endpoint.',
      'SLACK_TRIGGER_URL=https://hooks.slack.com/triggers/T00000000/0000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/TUAHSIF331C/BBTLXR6ZO4K/YsEy8iPWQk',
    ],
  },
};

export const slack: ProviderDefinition = {
  id: 'slack',
  name: 'Slack',
  rules: [botToken, userToken, appToken, configToken, legacyToken, webhookUrl],
};
