// What a log line keeps of an error: name, message and status, never the request or response an
// octokit or fetch error carries (with its authorization header).
import { describe, expect, it } from 'vitest';
import { errorSummary } from '../src/error-summary.js';

describe('errorSummary', () => {
  it('keeps the name, message and HTTP status of an error, and nothing it carries besides', () => {
    const error = Object.assign(new Error('Bad credentials'), { name: 'HttpError', status: 401, request: { headers: { authorization: 'token ghs_secret' } } });
    expect(errorSummary(error)).toEqual({ name: 'HttpError', message: 'Bad credentials', status: 401 });
  });

  it('has no status for an error without a numeric one, and names a thrown non-error', () => {
    expect(errorSummary(Object.assign(new Error('x'), { status: '500' }))).toEqual({ name: 'Error', message: 'x' });
    expect(errorSummary('gone')).toEqual({ name: 'Error', message: 'gone' });
  });
});
