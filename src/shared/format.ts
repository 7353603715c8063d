/**
 * How dates read in the list: in the browser's language, and never shifted across time zones
 * when the page gave a plain date or a local time.
 */
import { hostOf } from './url.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Formats an ISO 8601 value as a date. A date without a time zone is shown as written (read as
 * local time, so no day is gained or lost); one with an offset is shown in the user's time zone.
 */
export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  let date: Date;
  if (DATE_ONLY.test(iso)) {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    date = new Date(year, month - 1, day);
  } else if (LOCAL_DATE_TIME.test(iso)) {
    const [datePart = '', timePart = ''] = iso.split('T');
    const [year, month, day] = datePart.split('-').map(Number) as [number, number, number];
    const [hours = 0, minutes = 0, seconds = 0] = timePart.split(':').map(Number);
    date = new Date(year, month - 1, day, hours, minutes, Math.floor(seconds));
  } else {
    date = new Date(iso);
  }
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }
}

interface MetaFields {
  siteName: string | null;
  url: string;
  byline: string | null;
  publishedTime: string | null;
}

/** "Site · Author · 18 Jun 2024", leaving out what is unknown. */
export function metaLineOf(article: MetaFields, locale: string): string {
  const site = article.siteName || hostOf(article.url);
  // A wire or aggregator page often names itself as the author: say it once.
  const byline = article.byline?.toLowerCase() === site.toLowerCase() ? null : article.byline;
  return [site, byline, formatDate(article.publishedTime, locale)].filter(Boolean).join(' · ');
}
