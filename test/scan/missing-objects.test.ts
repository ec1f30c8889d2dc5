import { describe, expect, it } from 'vitest';
import { GitCommandError } from '../../src/scan/git-process.js';
import { unreadableObjectIn } from '../../src/scan/missing-objects.js';

const ID = '2f7cb261895090fa0a30ab01eee5fcbdacc569c9';
const failed = (stderr: string) => new GitCommandError(['log'], 128, stderr);

describe('unreadableObjectIn', () => {
  it("names the object of git's messages for a missing or corrupt one", () => {
    for (const stderr of [
      `fatal: unable to read ${ID}\n`,
      `fatal: unable to read tree ${ID}\n`,
      `error: inflate: data stream error (incorrect header check)\nerror: unable to unpack ${ID} header\nfatal: unable to read ${ID}\n`,
      `fatal: object '${ID}' is not a blob!\n`,
      `fatal: loose object ${ID} (stored in .git/objects/2f/7c) is corrupt\n`,
    ]) {
      expect(unreadableObjectIn(failed(stderr))).toBe(ID);
    }
  });

  it('leaves a bad range, a network failure of a partial clone and other errors alone', () => {
    expect(unreadableObjectIn(failed("fatal: ambiguous argument 'nope..HEAD': unknown revision or path not in the working tree.\n"))).toBeUndefined();
    expect(unreadableObjectIn(failed(`fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 503\nfatal: could not fetch ${ID} from promisor remote\n`))).toBeUndefined();
    expect(unreadableObjectIn(new Error(`unable to read ${ID}`))).toBeUndefined();
  });
});
