// Sumo Logic credentials. Access keys (https://help.sumologic.com/docs/manage/security/access-keys/)
// are an access id (`su` + 12 characters, not secret alone) and an access key of 64 base62
// characters, found where named as Sumo Logic's. HTTP source URLs
// (https://help.sumologic.com/docs/send-data/hosted-collectors/http-source/logs-metrics/) carry their
// own token: anyone holding one can send data into the collector.
import type { ProviderDefinition, Rule } from '../../detect/rule.js';
import { ASSIGN_OR_CALL } from '../boundaries.js';

const NAMED = String.raw`sumo(?:logic)?[\w.:\s"'{}()=,-]{0,60}?(?:access[_.-]?key|key|secret)[\w.-]{0,12}?${ASSIGN_OR_CALL}`;

const accessKey: Rule = {
  id: 'sumologic-access-key',
  provider: 'sumologic',
  title: 'Sumo Logic access key',
  severity: 'high',
  keywords: ['sumologic', 'sumo_access', 'sumo-access', 'sumo_key', 'sumoaccess'],
  keywordsIgnoreCase: true,
  window: { before: 0, after: 180 },
  pattern: new RegExp(String.raw`${NAMED}(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9_-])`, 'i'),
  minEntropy: 4,
  validate: ({ secret }) =>
    /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) ? { valid: true } : { valid: false, reason: 'not a mix of cases and digits' },
  remediation:
    'Delete the access key in Sumo Logic (Preferences → Personal Access Keys, or Administration → Security → Access Keys), create a new one with only the scopes it needs, and review the audit index for actions taken with it.',
  samples: {
    positive: [
      'SUMOLOGIC_ACCESSID=suXcxA05tjFRKJ\nSUMOLOGIC_ACCESSKEY=DhEeU5BdiWg6ayukkF4r8Gc9qaVyzUBaYQtWUPAKKozXOOYGUjSonnbTUqwbjo43',
      'provider "sumologic" {\n  access_id   = "suePC32TxjpFSN"\n  access_key  = "wfjKKuNhsagD4XS7GY7u9KGy3JLSGWoUeQ5KzLv1nIujRtST52HZaKw4iPwo6juJ"\n}',
    ],
    negative: [
      'SUMOLOGIC_ACCESSKEY=<your access key>',
      'SUMOLOGIC_ACCESSKEY=${SUMO_ACCESS_KEY}',
      // The access id alone.
      'SUMOLOGIC_ACCESSID=suXcxA05tjFRKJ',
      // A SHA-256 is hex, not base62.
      'SUMOLOGIC_ACCESSKEY=5faec9c0f2ff6b3379be2f520b793f5fe0eeb31d9b6bc1935f02c4a2670f4cb2',
    ],
  },
};

const httpSourceUrl: Rule = {
  id: 'sumologic-http-source-url',
  provider: 'sumologic',
  title: 'Sumo Logic HTTP source URL',
  // It sends data into one collector; it cannot read anything.
  severity: 'medium',
  keywords: ['sumologic.com/receiver/'],
  window: { before: 60, after: 330 },
  pattern: /https:\/\/[a-z0-9.-]{1,40}\.sumologic\.com\/receiver\/v1\/(?:http|otlp)\/(?<secret>[A-Za-z0-9_=-]{40,300})(?![A-Za-z0-9_=-])/,
  minEntropy: 4,
  remediation:
    'Reset the source\'s URL in Sumo Logic (Manage Data → Collection → the HTTP source → Show URL → New URL, keeping the old one only until the senders move), and check the source for data you did not send.',
  samples: {
    positive: [
      'SUMO_URL=https://endpoint4.collection.us2.sumologic.com/receiver/v1/http/IQX9cySZTFiI6tNAns_N51DVB8RYKGKuhSJvSXyU4BgvDvoSnHE6_HDmHfoa_6kUOAB3IZWD9BXBGDeMr7OFD0Y6MyKmG0QuKuSrHVskZlgoYzh5-ER0Rzwa',
      'exporters:\n  otlphttp:\n    endpoint: https://endpoint1.collection.sumologic.com/receiver/v1/otlp/9wLTBbYCuFZTDRf9KWrUdDFvENjz0-rAtTTQrqquRjDVKamwgzOBXkLdab5BhsBjXUhpW6wdq75K-t7ee04Ir3dB_rFnARhoOLAo0NULCw0XLLLyKR3Kaxju',
    ],
    negative: [
      'SUMO_URL=https://endpoint1.collection.sumologic.com/receiver/v1/http/<token>',
      'SUMO_URL=https://endpoint4.collection.us2.sumologic.com/receiver/v1/http/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      // The documentation path, with no token.
      'See https://help.sumologic.com/receiver/v1/http/ for the format.',
    ],
  },
};

export const sumologic: ProviderDefinition = { id: 'sumologic', name: 'Sumo Logic', rules: [accessKey, httpSourceUrl] };
