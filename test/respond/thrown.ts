// For tests of functions that throw typed errors: the error itself, to check its message and fields.
import { expect } from 'vitest';

/** The error `run` throws, checked to be of `type`. */
export function thrown<E extends Error>(run: () => unknown, type: new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  return expect.fail('expected an error, none was thrown');
}
