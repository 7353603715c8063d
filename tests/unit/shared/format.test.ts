import { describe, expect, it } from 'vitest';
import { formatDate, metaLineOf } from '../../../src/shared/format.ts';

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

describe('metaLineOf', () => {
  it('joins site, author and date, naming a site that signs as its own author once', () => {
    const article = { url: 'https://www.news7.fr/x', publishedTime: '2024-06-18' };
    expect(metaLineOf({ ...article, siteName: null, byline: 'Jane Doe' }, 'en')).toBe(
      'news7.fr · Jane Doe · Jun 18, 2024',
    );
    expect(metaLineOf({ ...article, siteName: 'News7', byline: 'news7' }, 'en')).toBe(
      'News7 · Jun 18, 2024',
    );
  });
});
