// Reads a request body into memory under a size cap and a deadline: a body that passes the cap is
// answered 413, one that has not arrived by the deadline 503 (GitHub records a failed delivery
// that can be redelivered), and in both cases reading stops at once.
import type { IncomingMessage } from 'node:http';

/** Why a body was not read: the status to answer with, and a message that says what to do. */
export class BodyReadError extends Error {
  override name = 'BodyReadError';

  constructor(
    readonly status: 413 | 503 | 400,
    message: string,
  ) {
    super(message);
  }
}

export interface BodyLimits {
  maxBytes: number;
  deadlineMs: number;
  /** The request's Content-Length, already checked against maxBytes; undefined for a chunked body. */
  expectedBytes: number | undefined;
}

export async function readBody(request: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  return await new Promise<Buffer>((resolve, reject) => {
    // A known length is read into one buffer: no list of chunks concatenated into a second copy.
    const whole = limits.expectedBytes === undefined ? undefined : Buffer.allocUnsafe(limits.expectedBytes);
    const chunks: Buffer[] = [];
    let received = 0;
    const timer = setTimeout(() => {
      fail(new BodyReadError(503, `the request body did not arrive within ${limits.deadlineMs} ms (${received} bytes came): the delivery can be redelivered from the app's advanced settings`));
    }, limits.deadlineMs);

    function stop(): void {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    }
    function fail(error: BodyReadError): void {
      stop();
      request.pause();
      reject(error);
    }
    function onData(chunk: Buffer): void {
      if (received + chunk.length > limits.maxBytes) {
        fail(new BodyReadError(413, `the request body is over ${describeBytes(limits.maxBytes)}, more than GitHub ever sends`));
        return;
      }
      if (whole === undefined) chunks.push(chunk);
      else chunk.copy(whole, received);
      received += chunk.length;
    }
    function onEnd(): void {
      stop();
      if (whole !== undefined && received !== whole.length) {
        reject(new BodyReadError(400, `the request body ended after ${received} of the ${whole.length} bytes its Content-Length announced`));
        return;
      }
      resolve(whole ?? Buffer.concat(chunks, received));
    }
    function onError(): void {
      fail(new BodyReadError(400, `the connection failed after ${received} bytes of the request body`));
    }
    function onAborted(): void {
      fail(new BodyReadError(400, `the sender closed the connection after ${received} bytes of the request body`));
    }

    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/** 25 MB, 512 KB, 90 bytes: for messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Reads the body and drops every chunk; true if it ended within `deadlineMs`. Holds no memory. */
export async function discardBody(request: IncomingMessage, deadlineMs: number): Promise<boolean> {
  if (request.readableEnded) return true;
  return await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => settle(false), deadlineMs);
    function settle(ended: boolean): void {
      clearTimeout(timer);
      request.off('end', onEnd);
      request.off('error', onFailure);
      request.off('aborted', onFailure);
      if (!ended) request.pause();
      resolve(ended);
    }
    const onEnd = (): void => settle(true);
    const onFailure = (): void => settle(false);
    request.on('end', onEnd);
    request.on('error', onFailure);
    request.on('aborted', onFailure);
    request.resume();
  });
}
