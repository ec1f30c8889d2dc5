// The app's logger: every error logged, however it is passed (`{ err }`, or an Error as the first
// argument, as Probot and @octokit/webhooks log theirs), is reduced to errorSummary's allow-list.
import { randomUUID } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../src/detect/checksum.js';
import { createLogger } from '../src/log.js';

function capture(): { text: () => string; log: ReturnType<typeof createLogger> } {
  const raw: string[] = [];
  const log = createLogger({ level: 'trace', destination: { write: (line: string) => void raw.push(line) } });
  return { text: () => raw.join(''), log };
}

describe('createLogger', () => {
  it('logs a forged delivery of a push whose commit message holds a token by its ids, never its payload', async () => {
    const token = generateGithubStyleToken('ghp_');
    const id = randomUUID();
    const { text, log } = capture();
    const webhooks = new Webhooks({ secret: 'the-app-secret' });
    const payload = JSON.stringify({ ref: 'refs/heads/main', commits: [{ message: `ship it ${token}` }] });
    const error = await webhooks.verifyAndReceive({ id, name: 'push', payload, signature: `sha256=${'0'.repeat(64)}` }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    // As @octokit/webhooks' middleware logged it (the AggregateError first), and as Probot's error handler does.
    log.error(error);
    log.child({ name: 'event', id }).error((error as AggregateError).errors[0]);
    log.error({ err: error }, 'webhook delivery failed');
    expect(text()).not.toContain(token);
    expect(text()).not.toContain('ship it');
    expect(text()).toContain(id);
    expect(text()).toContain('signature does not match');
  });

  it('still redacts credentials passed outside an error', () => {
    const { text, log } = capture();
    log.info({ token: 'ghs_abc', headers: { authorization: 'token ghs_abc' }, payload: { secret: 1 } }, 'hello');
    expect(text()).not.toContain('ghs_abc');
    expect(text()).not.toContain('secret');
  });
});
