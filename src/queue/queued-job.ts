// The parts of a BullMQ Job a processor reads, so tests can hand in a plain object, and how job data
// is checked on the way out of Redis.
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

export interface QueuedJob {
  id?: string | undefined;
  data: unknown;
  attemptsMade: number;
}

/**
 * The job's data as `schema` reads it. Data that does not parse cannot parse on a later attempt
 * either: the job fails at once, naming what it expected (`what`, e.g. "a scan job").
 */
export function parseJobData<T extends z.ZodType>(schema: T, data: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`job data is not ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
