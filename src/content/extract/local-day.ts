/**
 * A publication time the metadata states in UTC ("2023-11-09T03:28:35Z") falls on another day than
 * the one the page prints when it was published late in the evening of its own time zone (10:28
 * p.m. on November 8 in New York). Where the page states the same moment elsewhere in its local
 * time, the date is written in that zone, so its day is the reader's; the moment is unchanged.
 */
import { parseDate } from './dates.ts';

const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

interface Stamp {
  /** The wall-clock time as if it were UTC, in ms. */
  wall: number;
  /** Minutes east of UTC, or null when the value states no offset. */
  offset: number | null;
  hasSeconds: boolean;
}

function stampOf(iso: string | null): Stamp | null {
  const m = iso ? STAMP.exec(iso) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  let offset: number | null = null;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return { wall, offset, hasSeconds: s !== undefined };
}

const MINUTE = 60_000;
/** Time zones run from UTC−12:00 to UTC+14:00, in steps of at least a quarter hour. */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');

/** `instant` (UTC ms) written as wall-clock time at `offset` minutes east of UTC. */
function format(instant: number, offset: number, seconds: boolean): string {
  const local = new Date(instant + offset * MINUTE).toISOString();
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${local.slice(0, seconds ? 19 : 16)}${zone}`;
}

/**
 * The local offset (minutes east of UTC) in which `other` states the moment `utc` (UTC ms), or
 * null when it states another moment or no time.
 */
function offsetOfSameMoment(utc: number, other: Stamp, seconds: boolean): number | null {
  if (other.offset !== null) {
    const instant = other.wall - other.offset * MINUTE;
    return other.offset !== 0 && Math.abs(instant - utc) < MINUTE ? other.offset : null;
  }
  // A local time without an offset ("2023-11-08 18:09:55") names the same moment when it differs
  // from the UTC one by a whole zone offset, to the minute (to the second when both have seconds).
  const diff = other.wall - utc;
  const exact =
    seconds && other.hasSeconds ? diff % MINUTE === 0 : Math.abs(diff % MINUTE) < MINUTE;
  const minutes = Math.round(diff / MINUTE);
  if (!exact || minutes === 0 || minutes % 15 !== 0) return null;
  return minutes >= MIN_OFFSET && minutes <= MAX_OFFSET ? minutes : null;
}

/**
 * `value` (ISO 8601) written in the page's own time zone when it is a UTC time and one of
 * `others` (raw date strings from the page's other sources, gathered only for a UTC time) states
 * the same moment in local time; else `value` unchanged.
 */
export function inPageZone(value: string, others: () => readonly string[]): string {
  const own = stampOf(value);
  if (!own || own.offset !== 0) return value;
  for (const raw of others()) {
    const other = stampOf(parseDate(raw));
    if (!other) continue;
    const offset = offsetOfSameMoment(own.wall, other, own.hasSeconds);
    if (offset !== null) return format(own.wall, offset, own.hasSeconds);
  }
  return value;
}
