/**
 * Forum and blog conventions near a post's headline: the author as a link to their profile, the
 * date as "2 days ago" with the exact time in a tooltip.
 */
import { cleanByline } from '../byline.ts';
import { parseDate } from '../dates.ts';
import type { Line } from './visible-lines.ts';

/**
 * Addresses of a contributor's own page: /author/x, /users/x, /u/x, /profile/x, user?id=x, /@x.
 * Not /people/x or /tag/x: those are pages about the people a story mentions.
 */
const PROFILE_PATH =
  /(?:^|\/)(?:authors?|users?|u|profiles?|writers?|contributors?)(?:\/[^/?#]+\/?$|\?id=[^&#]+$)|\/@[\w.-]+\/?$/i;
/** Link texts that name a list or an action, not a person. */
const NOT_A_NAME =
  /^(?:(?:our|all|the|my|view|see|more)\s+)?(?:authors?|writers?|staff|team|contributors?|profiles?|account|members?|users?)$|^(?:log ?in|sign ?in|sign ?up|register|subscribe)$/i;

/**
 * Lines after the headline where a post's own author and age are printed; nested elements repeat
 * a line's text, so this covers a handful of visible lines (or a page's top bar when it has no
 * headline).
 */
const NEAR_HEADING = 25;

/**
 * The name of the first profile link among the lines right after the headline (`base` resolves
 * links).
 */
export function profileLinkAuthor(lines: readonly Line[], base: string): string | null {
  for (const { el, text } of lines.slice(0, NEAR_HEADING)) {
    if (el.localName !== 'a' || text.length > 60 || NOT_A_NAME.test(text)) continue;
    const href = el.getAttribute('href') ?? '';
    let path: string;
    try {
      const url = new URL(href, base);
      path = url.pathname + url.search;
    } catch {
      continue;
    }
    if (!PROFILE_PATH.test(path)) continue;
    const name = cleanByline(text);
    if (name && name.split(/\s+/).length <= 5) return name;
  }
  return null;
}

/** "3 hours ago", "il y a 2 jours", "vor 5 Minuten", "hace 1 día", "2 giorni fa", "há 3 dias". */
const RELATIVE =
  /^(?:(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|il y a\s+\d+\s+\p{L}+|vor\s+\d+\s+\p{L}+|hace\s+\d+\s+\p{L}+|\d+\s+\p{L}+\s+fa|há\s+\d+\s+\p{L}+)$/iu;

/**
 * The exact date a relative one ("1 day ago") carries in its own or its parts' title or datetime
 * attribute.
 */
export function relativeDateTooltip(lines: readonly Line[]): string | null {
  for (const { el, text } of lines.slice(0, NEAR_HEADING)) {
    if (!RELATIVE.test(text)) continue;
    for (const node of [el, ...Array.from(el.children)]) {
      for (const attr of ['datetime', 'title']) {
        const value = (node.getAttribute(attr) ?? '').trim();
        // "2025-06-15T12:00:00 1750000000": the stamp may trail other forms of the same time.
        const date = parseDate(value) ?? parseDate(value.split(/\s+/)[0]);
        if (date) return date;
      }
    }
  }
  return null;
}
