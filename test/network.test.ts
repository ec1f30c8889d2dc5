// The shared setup (test/setup.ts) refuses every connection off this machine, so a test that
// forgets a mock fails instead of calling GitHub or a provider for real.
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';

describe('the test network', () => {
  it('refuses fetch to the internet', async () => {
    await expect(fetch('https://api.github.com/user')).rejects.toThrow();
  });

  it('refuses node:https to the internet', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = request('https://sts.amazonaws.com/', (res) => resolve(`answered ${res.statusCode ?? 0}`));
      req.on('error', (error: Error & { code?: string }) => resolve(error.code ?? error.name));
      req.end();
    });
    expect(outcome).toBe('ENETUNREACH');
  });
});
