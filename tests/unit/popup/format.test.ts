import { describe, expect, it } from 'vitest';
import { formatDate, hostOf } from '../../../src/popup/format.ts';

describe('formatDate', () => {
  it('shows a local date-time on the day the page states, whatever the time zone', () => {
    expect(formatDate('2024-06-18T23:59:30', 'en-GB')).toBe('18 Jun 2024');
    expect(formatDate('2024-06-18', 'en-US')).toBe('Jun 18, 2024');
  });

  it("uses the browser's language", () => {
    expect(formatDate('2024-06-18', 'fr-FR')).toBe('18 juin 2024');
    expect(formatDate('2024-06-18', 'de-DE')).toBe('18.06.2024');
  });

  it('shows nothing for a missing or unreadable date', () => {
    expect(formatDate(null, 'en')).toBeNull();
    expect(formatDate('not a date', 'en')).toBeNull();
  });
});

describe('hostOf', () => {
  it('drops www and keeps the host', () => {
    expect(hostOf('https://www.la-croix.com/x')).toBe('la-croix.com');
    expect(hostOf('nonsense')).toBe('nonsense');
  });
});
