// What a log line keeps of an error: name, message, status, delivery id and event name, never the
// request or response an octokit or fetch error carries (with its authorization header), nor the
// webhook event, with its payload, that @octokit/webhooks attaches to its errors.
import { randomUUID } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';
import { generateGithubStyleToken } from '../src/detect/checksum.js';
import { errorSummary } from '../src/error-summary.js';

/** A push payload with a token in its commit message, as a careless commit would carry it. */
function pushWithToken(token: string): Record<string, unknown> {
  return { ref: 'refs/heads/main', before: '0'.repeat(40), after: 'a'.repeat(40), commits: [{ id: 'a'.repeat(40), message: `deploy with ${token}` }] };
}

/** What @octokit/webhooks rejects with when a handler fails: an AggregateError carrying the event. */
async function handlerFailure(payload: Record<string, unknown>, id: string): Promise<unknown> {
  const webhooks = new Webhooks({ secret: 'secret' });
  webhooks.on('push', () => {
    throw Object.assign(new Error('Redis did not store the job'), { name: 'EnqueueError', status: 503 });
  });
  return await webhooks.receive({ id, name: 'push', payload } as Parameters<typeof webhooks.receive>[0]).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('errorSummary', () => {
  it('keeps the name, message and HTTP status of an error, and nothing it carries besides', () => {
    const error = Object.assign(new Error('Bad credentials'), { name: 'HttpError', status: 401, request: { headers: { authorization: 'token ghs_secret' } } });
    expect(errorSummary(error)).toEqual({ name: 'HttpError', message: 'Bad credentials', status: 401 });
  });

  it('has no status for an error without a numeric one, and names a thrown non-error', () => {
    expect(errorSummary(Object.assign(new Error('x'), { status: '500' }))).toEqual({ name: 'Error', message: 'x' });
    expect(errorSummary('gone')).toEqual({ name: 'Error', message: 'gone' });
  });

  it("keeps the delivery id and event name of @octokit/webhooks' AggregateError and of what it wraps, never the payload", async () => {
    const token = generateGithubStyleToken('ghp_');
    const id = randomUUID();
    const error = await handlerFailure(pushWithToken(token), id);
    expect(error).toBeInstanceOf(AggregateError);
    // The payload is there, at err.event.payload and at err.errors[0].event.payload.
    expect((error as AggregateError & { event: { payload: unknown } }).event.payload).toMatchObject({ ref: 'refs/heads/main' });
    const summary = errorSummary(error);
    expect(summary).toEqual({
      name: 'AggregateError',
      message: 'Redis did not store the job',
      deliveryId: id,
      event: 'push',
      errors: [{ name: 'EnqueueError', message: 'Redis did not store the job', status: 503, deliveryId: id, event: 'push' }],
    });
    expect(JSON.stringify(summary)).not.toContain(token);
  });

  it('cuts long messages and lists at most five wrapped errors', () => {
    const summary = errorSummary(new AggregateError(Array.from({ length: 8 }, (_, i) => new Error(`failure ${i}`)), 'x'.repeat(5000)));
    expect(summary.message).toHaveLength(1000 + '… (5000 characters)'.length);
    expect(summary.errors?.map((inner) => inner.message)).toEqual(['failure 0', 'failure 1', 'failure 2', 'failure 3', 'failure 4']);
  });

  it('passes a summary through unchanged, as the log serialiser sees errorSummary output again', () => {
    const summary = { name: 'HttpError', message: 'Not Found', status: 404, deliveryId: 'd-1', event: 'push' };
    expect(errorSummary(summary)).toEqual(summary);
  });
});
