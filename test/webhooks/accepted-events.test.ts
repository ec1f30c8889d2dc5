// Which events the endpoint takes, checked against app.yml and against every one of GitHub's own
// example payloads: each fits its own event, and none fits another accepted event's header.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ALWAYS_DELIVERED_EVENTS, isAcceptedEvent, payloadFitsEvent, SUBSCRIBED_EVENTS, type AcceptedEvent } from '../../src/webhooks/accepted-events.js';

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as { default_events: string[] };
const accepted: AcceptedEvent[] = [...SUBSCRIBED_EVENTS, ...ALWAYS_DELIVERED_EVENTS];
const withExamples = definitions.filter((definition) => isAcceptedEvent(definition.name));

describe('accepted events', () => {
  it('subscribes to exactly the events app.yml asks GitHub for', () => {
    expect([...SUBSCRIBED_EVENTS].sort()).toEqual([...manifest.default_events].sort());
  });

  it('refuses events nobody subscribed to', () => {
    expect(isAcceptedEvent('issues')).toBe(false);
    expect(isAcceptedEvent('star')).toBe(false);
    expect(isAcceptedEvent('push.created')).toBe(false);
    expect(isAcceptedEvent('ping')).toBe(true);
  });

  it('has GitHub examples for every accepted event but installation_target', () => {
    expect(withExamples.map((definition) => definition.name).sort()).toEqual(accepted.filter((event) => event !== 'installation_target').sort());
  });

  it.each(withExamples.map((definition) => [definition.name, definition.examples] as const))('every %s example fits its own event', (event, examples) => {
    for (const example of examples) expect(payloadFitsEvent(event as AcceptedEvent, example)).toBe(true);
  });

  it.each(withExamples.map((definition) => [definition.name, definition.examples] as const))('no %s example fits another event', (event, examples) => {
    for (const other of accepted.filter((name) => name !== event)) {
      for (const example of examples) expect({ header: other, fits: payloadFitsEvent(other, example) }).toEqual({ header: other, fits: false });
    }
  });

  it('refuses what is not an object', () => {
    for (const event of accepted) {
      expect(payloadFitsEvent(event, null)).toBe(false);
      expect(payloadFitsEvent(event, [])).toBe(false);
      expect(payloadFitsEvent(event, 'push')).toBe(false);
    }
  });
});
