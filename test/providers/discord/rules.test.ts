// Discord credentials: what is secret (the token) is reported apart from what is public (ids).
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/detect/engine.js';
import { discord } from '../../../src/providers/discord/rules.js';

const engine = createEngine({ providers: [discord] });

describe('discord rules', () => {
  it("decodes the bot's user id from a bot token", () => {
    const [finding] = engine.scanText(discord.rules[0]!.samples.positive[0]!).findings;
    expect(finding).toMatchObject({ confidence: 'structure', details: { discordBotUserId: '176073515439538863' } });
  });

  it('reports the webhook token as the secret and its id as a detail', () => {
    const id = '1708223902350749370';
    const token = '2iSmSZycncn2kcZacJaTQzLvRK5qhrJGANF2sOYTd95xVATzZmRIO53EH07lmZdWmnwq';
    const [finding] = engine.scanText(`url: https://discord.com/api/webhooks/${id}/${token}`).findings;
    expect(finding?.secret.reveal()).toBe(token);
    expect(finding?.details).toEqual({ discordWebhookId: id });
  });
});
