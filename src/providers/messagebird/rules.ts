// MessageBird (now Bird) access keys (https://developers.messagebird.com/api/#authentication):
// 25 base62 characters, sent as `Authorization: AccessKey <key>`; test keys start with `test_`.
// With no prefix, a live key counts only where it is named as MessageBird's or passed to its client.
import type { Candidate, ProviderDefinition, Rule, Validation } from '../../detect/rule.js';
import { ASSIGN_OR_ARGUMENT } from '../boundaries.js';

/** A random key mixes letters and digits; an identifier of 25 letters is a name. */
function checkKey({ secret }: Candidate): Validation {
  return /[0-9]/.test(secret) && /[a-z]/.test(secret) && /[A-Z]/.test(secret)
    ? { valid: true }
    : { valid: false, reason: 'not a mix of upper case, lower case and digits' };
}

const accessKey: Rule = {
  id: 'messagebird-access-key',
  provider: 'messagebird',
  title: 'MessageBird live access key',
  severity: 'high',
  keywords: ['messagebird'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 200 },
  pattern: new RegExp(
    String.raw`messagebird(?:[\w.:\s"'{},-]{0,80}?key[\w.-]{0,12}?${ASSIGN_OR_ARGUMENT}|[\w.'"()\s=]{0,60}?\(\s{0,4}["'\x60])(?<secret>[A-Za-z0-9]{25})(?![A-Za-z0-9_-])`,
    'i',
  ),
  minEntropy: 3.5,
  validate: checkKey,
  remediation:
    'Delete the access key in the Bird / MessageBird dashboard (Developers → API access, https://dashboard.messagebird.com/en/developers/access), create a new live key, deploy it, and check the message logs for messages you did not send.',
  samples: {
    positive: [
      'MESSAGEBIRD_ACCESS_KEY=FSKAXl80t2fC6EKIOLZ2fA9lK',
      "const messagebird = require('messagebird').initClient('CHOvNnVx3MoCjHoabNv7xKJXh');",
      'client = messagebird.Client("C9ZpVmOnuRHqXjUwyqIB8EVIL")',
    ],
    negative: [
      // Test keys send nothing.
      'MESSAGEBIRD_ACCESS_KEY=test_FSKAXl80t2fC6EKIOLZ2fA9lK',
      'MESSAGEBIRD_ACCESS_KEY=YOUR_ACCESS_KEY',
      "const messagebird = require('messagebird').initClient(process.env.MESSAGEBIRD_KEY);",
      // No MessageBird context.
      'ACCESS_KEY=C9ZpVmOnuRHqXjUwyqIB8EVIL',
      'MESSAGEBIRD_ACCESS_KEY=MessageBirdAccessKeyForQA',
    ],
  },
};

export const messagebird: ProviderDefinition = { id: 'messagebird', name: 'MessageBird', rules: [accessKey] };
