import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/options/format-bytes.ts';

/** Intl separates number and unit with a (narrow) no-break space in some locales. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('picks a decimal unit and rounds to what a person reads', () => {
    expect(plain(formatBytes(0, 'en-US'))).toBe('0 byte');
    expect(plain(formatBytes(999, 'en-US'))).toBe('999 byte');
    expect(plain(formatBytes(1_500, 'en-US'))).toBe('1.5 kB');
    expect(plain(formatBytes(305_123, 'en-US'))).toBe('305 kB');
    expect(plain(formatBytes(11_234_567_890, 'en-US'))).toBe('11 GB');
  });

  it('formats in the UI language', () => {
    expect(plain(formatBytes(1_500_000, 'fr'))).toBe('1,5 Mo');
    expect(plain(formatBytes(1_500_000, 'de'))).toBe('1,5 MB');
  });

  it('never shows a negative size, and survives an unknown locale tag', () => {
    expect(plain(formatBytes(-5, 'en-US'))).toBe('0 byte');
    expect(formatBytes(2_000, 'not a locale!')).toMatch(/2/);
  });
});
