import { describe } from 'vitest';
import { telegramAdapter } from '../../../src/providers/telegram/adapter.js';
import { credential, useAdapterHarness, verifyContract } from '../adapter-kit.js';
import { randomChars } from '../random-token.js';

const harness = useAdapterHarness('telegram');
const botToken = () => credential('telegram-bot-token', `7351526481:AA${randomChars(33)}`);

describe('telegram adapter', () => {
  verifyContract(harness, {
    adapter: telegramAdapter,
    origin: 'https://api.telegram.org',
    credential: botToken,
    // The Bot API puts the token in the path; summaries must not repeat it (checked by the contract).
    request: (scope, raw) => scope.get(`/bot${raw}/getMe`),
    live: { body: { ok: true, result: { id: 7351526481, is_bot: true, first_name: 'Deploy', username: 'acme_deploy_bot', can_join_groups: true } } },
    identity: { account: '@acme_deploy_bot (7351526481)', type: 'bot token' },
    dead: { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
  });
});
