import { describe, expect, it } from 'vitest';
import { parseByteSize } from '../../src/cli/byte-size.js';
import { MAX_SCANNABLE_FILE_BYTES } from '../../src/config/config-file.js';
import { repoConfigSchema } from '../../src/config/repo-config.schema.js';

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1_048_576],
    ['100B', 100],
    ['500kB', 500_000],
    ['500KB', 500_000],
    ['10MB', 10_000_000],
    ['10mb', 10_000_000],
    ['1GB', 1_000_000_000],
    ['1KiB', 1024],
    ['10MiB', 10_485_760],
    ['10mib', 10_485_760],
    ['1GiB', 1_073_741_824],
    ['1.5MiB', 1_572_864],
    ['4.35MB', 4_350_000],
    ['0.1kB', 100],
    ['1.5KiB', 1536],
    ['2.7B', 2],
    ['1.5', 1],
    ['10 MB', 10_000_000],
  ])('reads %s as %d bytes, exactly', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['10M', '10K', '1.5.5MB', 'MB', '-1MB', '10 MBs', '1e6', '10TB', '0', '0.0001kB', ''])('refuses %j with an example of what is accepted', (text) => {
    expect(() => parseByteSize(text)).toThrow(/--max-file-size (takes bytes, or a number with a unit: kB, MB, GB .* e.g. 10MB or 1.5MiB; not|must be at least 1 byte)/);
  });

  it('takes files of 2 GiB and more, scanned in windows, and refuses a size over the largest scannable file, saying what that is', () => {
    expect(parseByteSize('2.5GiB')).toBe(2.5 * 1024 ** 3);
    expect(parseByteSize(String(MAX_SCANNABLE_FILE_BYTES))).toBe(MAX_SCANNABLE_FILE_BYTES);
    expect(() => parseByteSize('65GiB')).toThrow(/--max-file-size 65GiB is over the largest file leakstop scans, 64 GiB \(68719476736 bytes\): give a smaller size/);
    expect(() => parseByteSize(String(MAX_SCANNABLE_FILE_BYTES + 1))).toThrow(/over the largest file/);
  });

  it('has the same largest size as the config file (scan.maxFileBytes)', () => {
    const scan = (maxFileBytes: number) => repoConfigSchema.safeParse({ scan: { maxFileBytes } }).success;
    expect([scan(MAX_SCANNABLE_FILE_BYTES), scan(MAX_SCANNABLE_FILE_BYTES + 1)]).toEqual([true, false]);
  });

  it('stays linear on a long adversarial value', () => {
    const started = performance.now();
    expect(() => parseByteSize(`${'9'.repeat(50_000)}.${'9'.repeat(50_000)}x`)).toThrow();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
