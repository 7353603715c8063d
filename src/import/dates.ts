/**
 * Dates from import files, read explicitly (Unix seconds, ISO 8601) and never through the
 * machine's locale or time zone: a date without an offset is taken as UTC.
 */
import { ISO_DATE_PATTERN } from '../shared/article.ts';
import type { ProblemLog } from './problems.ts';
import { quoted } from './problems.ts';

/** Later than this is not a real save date (and would not serialise as a 4-digit year). */
const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

const NUMBER_PATTERN = /^\d+(\.\d+)?$/;
/** ISO 8601 date-time with an optional offset; a space is accepted for the `T`. */
const ISO_TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

type DateOutcome = { iso: string } | { missing: true } | { invalid: true };

/** Unix time; Netscape files and some tools write milliseconds or microseconds instead. */
function fromEpoch(raw: string, unit: 'seconds' | 'guess'): DateOutcome {
  const text = raw.trim();
  if (!text) return { missing: true };
  if (!NUMBER_PATTERN.test(text)) return { invalid: true };
  let value = Number(text);
  // 0 is what exporters write for "unknown".
  if (value === 0) return { missing: true };
  if (unit === 'guess') {
    // Seconds reach 1e11 only in the year 5138; larger values are finer units.
    if (value >= 1e14) value /= 1e6;
    else if (value >= 1e11) value /= 1e3;
  }
  const ms = Math.round(value * 1000);
  if (ms > MAX_TIME_MS) return { invalid: true };
  return { iso: new Date(ms).toISOString() };
}

/** Whether y-m-d (and h:m:s) name a real moment: Date would roll 2024-02-31 over silently. */
function isRealDate(parts: RegExpExecArray): boolean {
  const [year, month, day, hour = '0', minute = '0', second = '0'] = parts.slice(1, 7);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60
  );
}

function fromIso(raw: string): DateOutcome {
  const text = raw.trim();
  if (!text) return { missing: true };
  const parts = ISO_TIMESTAMP_PATTERN.exec(text);
  if (!parts || !isRealDate(parts)) return { invalid: true };
  const offset = parts[8];
  const time = parts[4] ? `T${parts[4]}:${parts[5]}:${parts[6] ?? '00'}` : 'T00:00:00';
  const fraction = parts[7] ? `.${parts[7].slice(0, 3).padEnd(3, '0')}` : '';
  const zone =
    !offset || offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/(\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${parts[1]}-${parts[2]}-${parts[3]}${time}${fraction}${zone}`);
  if (Number.isNaN(ms) || ms > MAX_TIME_MS) return { invalid: true };
  return { iso: new Date(ms).toISOString() };
}

/**
 * Reads dates for one import, logging a 'bad-date' warning for each value that does not parse;
 * an empty value is simply missing.
 */
export class DateReader {
  constructor(private readonly problems: ProblemLog) {}

  private settle(outcome: DateOutcome, raw: string, origin: string, field: string): string | null {
    if ('iso' in outcome) return outcome.iso;
    if ('invalid' in outcome) this.problems.warn(origin, 'bad-date', `${field}: ${quoted(raw)}`);
    return null;
  }

  /** Unix seconds (Pocket, Instapaper) as an ISO timestamp in UTC. */
  unixSeconds(
    raw: string | number | null | undefined,
    origin: string,
    field: string,
  ): string | null {
    if (raw === null || raw === undefined) return null;
    return this.settle(fromEpoch(String(raw), 'seconds'), String(raw), origin, field);
  }

  /** Unix time in seconds, milliseconds or microseconds, told apart by size (bookmark files). */
  unixTime(raw: string | null | undefined, origin: string, field: string): string | null {
    if (raw === null || raw === undefined) return null;
    return this.settle(fromEpoch(raw, 'guess'), raw, origin, field);
  }

  /** An ISO 8601 date or date-time as a full timestamp in UTC. */
  timestamp(raw: string | null | undefined, origin: string, field: string): string | null {
    if (raw === null || raw === undefined) return null;
    return this.settle(fromIso(raw), raw, origin, field);
  }

  /**
   * A publication date kept exactly as precise as the file states it (what the article model's
   * `publishedTime` holds), once it is known to be a real date.
   */
  publishedTime(raw: string | null | undefined, origin: string, field: string): string | null {
    if (raw === null || raw === undefined || !raw.trim()) return null;
    const text = raw.trim();
    const parts = ISO_TIMESTAMP_PATTERN.exec(text);
    if (ISO_DATE_PATTERN.test(text) && parts && isRealDate(parts)) return text;
    this.problems.warn(origin, 'bad-date', `${field}: ${quoted(raw)}`);
    return null;
  }
}
