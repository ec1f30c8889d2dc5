// Zapier webhook URLs (https://help.zapier.com/hc/en-us/articles/8496288690317): a "Catch Hook"
// trigger listens at https://hooks.zapier.com/hooks/catch/<account id>/<hook id>/; whoever has the
// URL can start the Zap with any data they like.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';

const webhookUrl: Rule = {
  id: 'zapier-webhook-url',
  provider: 'zapier',
  title: 'Zapier webhook URL',
  severity: 'medium',
  keywords: ['hooks.zapier.com/hooks/catch/'],
  window: { before: 0, after: 60 },
  anchor: 'keyword',
  pattern: /hooks\.zapier\.com\/hooks\/catch\/(?<secret>\d{5,12}\/[a-z0-9]{5,12})(?![A-Za-z0-9_-])/,
  minEntropy: 2.5,
  remediation:
    'Turn the Zap off, replace its Catch Hook trigger with a new one (a new URL, https://help.zapier.com/hc/en-us/articles/8496288690317), and send the new URL only from server-side code.',
  samples: {
    positive: ['ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/16384531/fzibz71/', "await fetch('https://hooks.zapier.com/hooks/catch/78648592/8ucih3e/', { method: 'POST', body });"],
    negative: ['ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/16384531/', 'ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/<account>/<hook>/', 'ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/xxxxxx/xxxxxx/'],
  },
};

export const zapier: ProviderDefinition = { id: 'zapier', name: 'Zapier', rules: [webhookUrl] };
