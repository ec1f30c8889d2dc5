// Where a report goes: stdout or --output FILE. A reader that stops reading (`| head`) ends the
// command quietly; any other write failure is one line that names the file and the errno, never a
// stack trace, and a bad --output path is caught before the scan rather than after it.
import { constants, type Stats } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { getSystemErrorMap } from 'node:util';

/** A report or baseline could not be written: its message is the whole line the user sees. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Streams that already have our 'error' listener: one each, however many writes. */
const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Without a listener, a failed write to stdout or stderr (EPIPE, ENOSPC) is re-emitted as an
 * 'error' event that nothing handles: an uncaught exception, a stack trace and exit code 1, which
 * is the "findings" code. Failures are handled where each write is awaited instead.
 */
export function guardStream(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', () => undefined);
}

/**
 * Writes `text` to stdout and waits until it is handed to the OS. A closed pipe (the reader is
 * gone: `leakstop scan | head -1`) is not an error: there is no one left to tell, so it resolves
 * and the command keeps its exit code. Any other failure throws an OutputError.
 */
export async function writeStdout(stream: NodeJS.WritableStream, text: string | Iterable<string>, what = 'the report'): Promise<void> {
  guardStream(stream);
  try {
    // A report in chunks (jsonChunks) is written chunk by chunk, each once the one before is out.
    for (const chunk of typeof text === 'string' ? [text] : text) {
      await new Promise<void>((resolve, reject) => {
        stream.write(chunk, (error) => (error ? reject(error) : resolve()));
      });
    }
  } catch (error) {
    if (errnoCode(error) === 'EPIPE') return;
    throw new OutputError(`cannot write ${what} to stdout: ${describeError(error)}`, { cause: error });
  }
}

/** Writes a whole file, or throws an OutputError naming it (`--output` given as a directory...). */
export async function writeOutputFile(file: string, shownAs: string, text: string | Iterable<string>, what = 'the report'): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new OutputError(`cannot write ${what} to ${shownAs}: ${describeError(error)}`, { cause: error });
  }
}

/**
 * Checks before a scan that `file` can be written once it is over: its directory exists and is
 * writable, and the path is not a directory (an existing file must be writable). Nothing is
 * created, so a failed scan leaves an earlier report in place. `flag` names the option in errors.
 */
export async function checkWritableFile(file: string, shownAs: string, flag: string): Promise<void> {
  const existing = await statOrUndefined(file);
  if (existing?.isDirectory()) throw new OutputError(`${flag} ${shownAs} is a directory: give the path of a file (it may be inside that directory)`);
  if (existing) {
    await accessOrThrow(file, `${flag} ${shownAs} exists and cannot be written`);
    return;
  }
  const directory = dirname(file);
  const parent = await statOrUndefined(directory);
  if (!parent) throw new OutputError(`${flag} ${shownAs}: the directory ${directory} does not exist: create it first, or choose another path`);
  if (!parent.isDirectory()) throw new OutputError(`${flag} ${shownAs}: ${directory} is not a directory: choose another path`);
  await accessOrThrow(directory, `${flag} ${shownAs}: the directory ${directory} cannot be written`);
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    // ENOTDIR: a file stands where a directory of the path should be; the caller says which.
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return undefined;
    throw new OutputError(`cannot check ${path}: ${describeError(error)}`, { cause: error });
  }
}

async function accessOrThrow(path: string, message: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (error) {
    throw new OutputError(`${message}: ${describeError(error)}`, { cause: error });
  }
}

/** 'ENOSPC (no space left on device)': the code to search for and libuv's words for it. */
export function describeError(error: unknown): string {
  const code = errnoCode(error);
  const errno = error instanceof Error && 'errno' in error && typeof error.errno === 'number' ? error.errno : undefined;
  const words = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
  if (code && words) return `${code} (${words})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
