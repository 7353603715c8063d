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
 * The time zone of the page's language where its readers live in one zone's rules: a region when
 * the tag names one, else the language. English, Spanish, Russian, Arabic and the like span many
 * zones and have none.
 */
const ZONE_OF_REGION: Readonly<Record<string, string>> = {
  at: 'Europe/Vienna',
  be: 'Europe/Brussels',
  ch: 'Europe/Zurich',
  de: 'Europe/Berlin',
  es: 'Europe/Madrid',
  fr: 'Europe/Paris',
  it: 'Europe/Rome',
  nl: 'Europe/Amsterdam',
  pl: 'Europe/Warsaw',
  gb: 'Europe/London',
  ie: 'Europe/Dublin',
  pt: 'Europe/Lisbon',
  fi: 'Europe/Helsinki',
  br: 'America/Sao_Paulo',
  ar: 'America/Argentina/Buenos_Aires',
  uy: 'America/Montevideo',
  cl: 'America/Santiago',
  co: 'America/Bogota',
  jp: 'Asia/Tokyo',
  kr: 'Asia/Seoul',
  in: 'Asia/Kolkata',
};
const ZONE_OF_LANGUAGE: Readonly<Record<string, string>> = {
  de: 'Europe/Berlin',
  nl: 'Europe/Amsterdam',
  it: 'Europe/Rome',
  pl: 'Europe/Warsaw',
  cs: 'Europe/Prague',
  sk: 'Europe/Bratislava',
  hu: 'Europe/Budapest',
  da: 'Europe/Copenhagen',
  sv: 'Europe/Stockholm',
  nb: 'Europe/Oslo',
  no: 'Europe/Oslo',
  fi: 'Europe/Helsinki',
  el: 'Europe/Athens',
  ja: 'Asia/Tokyo',
  ko: 'Asia/Seoul',
  tr: 'Europe/Istanbul',
};

/** Regions of a language whose zone is not the language's own ("fr-CA" is not in Paris). */
function zoneOfLanguage(lang: string | null): string | null {
  const [language = '', region = ''] = (lang ?? '').toLowerCase().split(/[-_]/);
  if (region) return ZONE_OF_REGION[region] ?? null;
  return ZONE_OF_LANGUAGE[language] ?? (language === 'fr' ? 'Europe/Paris' : null);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `zone` at the instant `utc` (ms), or null when the zone is unknown. */
function zoneOffset(zone: string, utc: number): number | null {
  try {
    let formatter = zoneFormats.get(zone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      zoneFormats.set(zone, formatter);
    }
    const parts = formatter.formatToParts(utc);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
    const wall = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
    );
    const offset = Math.round((wall - Math.floor(utc / MINUTE) * MINUTE) / MINUTE);
    return Number.isFinite(offset) ? offset : null;
  } catch {
    return null;
  }
}

/**
 * `value` (ISO 8601) written in the page's own time zone when it is a UTC time: the zone in which
 * one of `others` (raw date strings from the page's other sources, gathered only for a UTC time)
 * states the same moment, else (for a time written with "Z") the zone of the page's language
 * (`lang`) where it has one and that puts the moment on another day; else `value` unchanged. The moment is the same; its day becomes the one the page's readers saw.
 */
export function inPageZone(
  value: string,
  others: () => readonly string[],
  lang: string | null = null,
): string {
  const own = stampOf(value);
  if (!own || own.offset !== 0) return value;
  for (const raw of others()) {
    const other = stampOf(parseDate(raw));
    if (!other) continue;
    const offset = offsetOfSameMoment(own.wall, other, own.hasSeconds);
    if (offset !== null) return format(own.wall, offset, own.hasSeconds);
  }
  // A guess from the language changes the value only where it changes the day, and only for a
  // time written with "Z" (how systems that keep UTC and print local time write it): "+00:00" is
  // what a content system set to UTC writes, and it prints its dates on the UTC day too.
  if (!value.endsWith('Z')) return value;
  const zone = zoneOfLanguage(lang);
  const offset = zone ? zoneOffset(zone, own.wall) : null;
  if (!offset) return value;
  const local = format(own.wall, offset, own.hasSeconds);
  return local.slice(0, 10) === value.slice(0, 10) ? value : local;
}
