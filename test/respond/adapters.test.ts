import { describe, expect, it } from 'vitest';
import { allProviders } from '../../src/providers/index.js';
import { adapterFor, adapters } from '../../src/respond/adapters.js';

describe('adapter registry', () => {
  it('files each adapter under its own provider id, which is a detected provider', () => {
    const detected = new Set(allProviders.map((p) => p.id));
    for (const [id, adapter] of adapters) {
      expect(adapter.provider).toBe(id);
      expect(detected.has(id), `${id} is a provider with rules`).toBe(true);
      expect(adapter.manualRevokeUrl).toMatch(/^https:\/\//);
    }
  });

  it('finds adapters by provider id', () => {
    expect(adapterFor('github')?.provider).toBe('github');
    expect(adapterFor('twilio')?.provider).toBe('twilio');
    expect(adapterFor('private-key')).toBeUndefined();
  });
});
