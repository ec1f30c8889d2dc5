import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkWritableFile, describeError, writeOutputFile, writeStdout } from '../../src/cli/output.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leakstop-output-'));
});

/** An error as libuv reports it: a code and a negative errno. */
function systemError(code: 'EPIPE' | 'ENOSPC'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: write`), { code, errno: -constants.errno[code], syscall: 'write' });
}

/** A stdout whose every write fails as a closed pipe or a full disk does. */
function failingStream(code: 'EPIPE' | 'ENOSPC'): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback(systemError(code)) });
}

describe('writeStdout', () => {
  it('ends quietly when the reader has gone (EPIPE), with no unhandled error event', async () => {
    const stream = failingStream('EPIPE');
    await expect(writeStdout(stream, 'report')).resolves.toBeUndefined();
    // The stream re-emits the error as an event after the callback: it must find a listener.
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('turns any other failure into one line with the errno and its words', async () => {
    await expect(writeStdout(failingStream('ENOSPC'), 'report')).rejects.toThrow(/^cannot write the report to stdout: ENOSPC \(no space left on device\)$/);
  });
});

describe('writeStdout of a report in chunks', () => {
  it('writes each chunk once the one before is out, and stops at the first failure', async () => {
    const written: string[] = [];
    let pending = 0;
    const stream = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        expect(pending).toBe(0);
        pending++;
        written.push(chunk.toString('utf8'));
        setImmediate(() => {
          pending--;
          callback();
        });
      },
    });
    await writeStdout(stream, ['{"findings": [', '1, 2', ']}\n']);
    expect(written).toEqual(['{"findings": [', '1, 2', ']}\n']);

    let made = 0;
    function* chunks(): Generator<string> {
      for (;;) {
        made++;
        yield 'chunk';
      }
    }
    await expect(writeStdout(failingStream('ENOSPC'), chunks())).rejects.toThrow('cannot write the report to stdout: ENOSPC');
    expect(made).toBe(1);
  });
});

describe('writeOutputFile', () => {
  it('writes a report given in chunks', async () => {
    const file = join(dir, 'report.json');
    await writeOutputFile(file, 'report.json', ['{"findings": [', '1, 2', ']}\n']);
    expect(await readFile(file, 'utf8')).toBe('{"findings": [1, 2]}\n');
  });

  it('names the file it could not write', async () => {
    await mkdir(join(dir, 'reports'));
    await expect(writeOutputFile(join(dir, 'reports'), 'reports', 'x')).rejects.toThrow(/^cannot write the report to reports: EISDIR/);
    await writeOutputFile(join(dir, 'out.json'), 'out.json', '{}');
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe('{}');
  });
});

describe('checkWritableFile', () => {
  it('accepts a new file in an existing directory, and an existing file, without creating or changing either', async () => {
    await checkWritableFile(join(dir, 'new.sarif'), 'new.sarif', '--output');
    await expect(readFile(join(dir, 'new.sarif'))).rejects.toThrow(/ENOENT/);
    await writeFile(join(dir, 'old.sarif'), 'previous report');
    await checkWritableFile(join(dir, 'old.sarif'), 'old.sarif', '--output');
    expect(await readFile(join(dir, 'old.sarif'), 'utf8')).toBe('previous report');
  });

  it('refuses a missing directory, naming it and saying what to do', async () => {
    await expect(checkWritableFile(join(dir, 'missing', 'out.sarif'), 'missing/out.sarif', '--output')).rejects.toThrow(
      `--output missing/out.sarif: the directory ${join(dir, 'missing')} does not exist: create it first, or choose another path`,
    );
  });

  it('refuses a directory as the file, naming it', async () => {
    await mkdir(join(dir, 'reports'));
    await expect(checkWritableFile(join(dir, 'reports'), 'reports', '--write-baseline')).rejects.toThrow(/^--write-baseline reports is a directory: give the path of a file/);
  });

  it('refuses a path under a file', async () => {
    await writeFile(join(dir, 'file'), '');
    await expect(checkWritableFile(join(dir, 'file', 'out.sarif'), 'file/out.sarif', '--output')).rejects.toThrow(/is not a directory/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a directory it cannot write to (not as root, who can)', async () => {
    const { chmod } = await import('node:fs/promises');
    await mkdir(join(dir, 'locked'));
    await chmod(join(dir, 'locked'), 0o500);
    await expect(checkWritableFile(join(dir, 'locked', 'out'), 'locked/out', '--output')).rejects.toThrow(/cannot be written: EACCES \(permission denied\)/);
  });
});

describe('describeError', () => {
  it('gives the code and libuv words, or the message of an error without a code', () => {
    expect(describeError(systemError('ENOSPC'))).toBe('ENOSPC (no space left on device)');
    expect(describeError(new Error('plain'))).toBe('plain');
  });
});
