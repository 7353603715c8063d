/**
 * Turns the fields a format read into validated ImportedItems: the address must be http(s),
 * texts are cleaned and cut to what Margins stores, and an address met twice becomes one item.
 */
import { MAX_NOTE } from '../shared/note-limits.ts';
import { normalizeUrl } from '../shared/url.ts';
import type { ProblemLog } from './problems.ts';
import { quoted } from './problems.ts';
import { collapseWhitespace, cutText, normaliseTags } from './text.ts';
import type { ImportedHighlight, ImportedItem } from './types.ts';

/** The article model's bounds (src/shared/article.ts, annotation.ts), so the writer never fails. */
export const LIMITS = {
  url: 8_192,
  shortText: 4_096,
  tag: 256,
  note: MAX_NOTE,
  quote: 100_000,
  body: 20_000_000,
} as const;

/** What a format read for one entry; only the address is required. */
export interface ItemFields {
  url: string | null | undefined;
  /** Plain text already (formats decode markup first); white space is collapsed here. */
  title?: string | null;
  savedAt?: string | null;
  tags?: Iterable<string>;
  archived?: boolean;
  byline?: string | null;
  publishedTime?: string | null;
  siteName?: string | null;
  excerpt?: string | null;
  leadImageUrl?: string | null;
  contentHtml?: string | null;
  note?: string | null;
  highlights?: ImportedHighlight[];
}

type UrlProblem = 'missing-url' | 'invalid-url' | 'bookmarklet' | 'bookmark-query' | 'relative-url';
type UrlCheck = { url: string } | { problem: UrlProblem; detail: string };

/** A URL scheme at the start (`https:`, `place:`); a relative reference has none. */
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Why an address that is not http(s) is left out. Bookmark files hold two kinds a user made on
 * purpose, each told apart so the report can say what it was: bookmarklets and Firefox's
 * queries. An address without a scheme names no site (the file was made relative to a page
 * Margins does not know); text with white space in it is no address at all.
 */
function notWebProblem(text: string, url: URL | null): UrlProblem {
  if (url?.protocol === 'javascript:') return 'bookmarklet';
  if (url?.protocol === 'place:') return 'bookmark-query';
  if (!url && !SCHEME.test(text) && !/\s/.test(text)) return 'relative-url';
  return 'invalid-url';
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** An http(s) address as the URL parser serialises it, or why it is not one. */
export function checkHttpUrl(raw: string | null | undefined): UrlCheck {
  const text = raw?.trim() ?? '';
  if (!text) return { problem: 'missing-url', detail: '' };
  const url = parseUrl(text);
  // Told apart before the length is checked: a long bookmarklet is still a bookmarklet.
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    return { problem: notWebProblem(text, url), detail: quoted(text) };
  }
  if (text.length > LIMITS.url) {
    return { problem: 'invalid-url', detail: `longer than ${LIMITS.url} characters` };
  }
  return { url: url.href };
}

/** An optional address (an image): kept when it is http(s), otherwise dropped without a word. */
export function optionalHttpUrl(raw: string | null | undefined): string | null {
  const checked = checkHttpUrl(raw);
  return 'url' in checked ? checked.url : null;
}

export class ItemCollector {
  private readonly byKey = new Map<string, ImportedItem>();

  constructor(private readonly problems: ProblemLog) {}

  /** The items kept, in the file's order. */
  get items(): ImportedItem[] {
    return [...this.byKey.values()];
  }

  /** The item kept for an address (compared as Margins compares addresses), if any. */
  findByUrl(raw: string): ImportedItem | undefined {
    const key = normalizeUrl(raw.trim());
    return key === null ? undefined : this.byKey.get(key);
  }

  /**
   * Adds an entry. Returns the item that now holds it (an earlier one with the same address
   * absorbs its tags, highlights and note), or null when it was skipped for its address.
   */
  add(origin: string, fields: ItemFields): ImportedItem | null {
    const checked = checkHttpUrl(fields.url);
    if ('problem' in checked) {
      this.problems.skip(origin, checked.problem, checked.detail);
      return null;
    }
    const item = this.build(origin, checked.url, fields);
    const key = normalizeUrl(checked.url) ?? checked.url;
    const earlier = this.byKey.get(key);
    if (earlier) {
      this.merge(earlier, item);
      this.problems.skip(origin, 'duplicate-url', earlier.origin);
      return earlier;
    }
    this.byKey.set(key, item);
    return item;
  }

  private build(origin: string, url: string, fields: ItemFields): ImportedItem {
    const text = (value: string | null | undefined, field: string, max: number) => {
      const clean = collapseWhitespace(value ?? '');
      if (!clean) return null;
      if (clean.length > max) this.problems.warn(origin, 'text-truncated', field);
      return cutText(clean, max);
    };
    const note = fields.note?.trim() ?? '';
    if (note.length > LIMITS.note) this.problems.warn(origin, 'text-truncated', 'note');
    const body = fields.contentHtml?.trim() ? fields.contentHtml : null;
    if (body && body.length > LIMITS.body) this.problems.warn(origin, 'text-truncated', 'content');
    return {
      origin,
      url,
      title: text(fields.title, 'title', LIMITS.shortText) ?? cutText(url, LIMITS.shortText),
      savedAt: fields.savedAt ?? null,
      tags: normaliseTags(fields.tags ?? [], LIMITS.tag),
      archived: fields.archived ?? false,
      byline: text(fields.byline, 'byline', LIMITS.shortText),
      publishedTime: fields.publishedTime ?? null,
      siteName: text(fields.siteName, 'siteName', LIMITS.shortText),
      excerpt: text(fields.excerpt, 'excerpt', LIMITS.shortText),
      leadImageUrl: optionalHttpUrl(fields.leadImageUrl),
      // A body cut in the middle is broken HTML; the writer fetches the page again instead.
      contentHtml: body && body.length <= LIMITS.body ? body : null,
      note: cutText(note, LIMITS.note),
      highlights: this.cleanHighlights(origin, fields.highlights ?? []),
    };
  }

  /** Highlights found apart from their item (Pocket's annotations files) added to it. */
  attachHighlights(item: ImportedItem, origin: string, highlights: ImportedHighlight[]): void {
    item.highlights.push(...this.cleanHighlights(origin, highlights));
  }

  private cleanHighlights(origin: string, highlights: ImportedHighlight[]): ImportedHighlight[] {
    return highlights.flatMap((highlight) => {
      const quote = highlight.quote.trim();
      if (!quote) return [];
      if (quote.length > LIMITS.quote) this.problems.warn(origin, 'text-truncated', 'highlight');
      return [
        {
          quote: cutText(quote, LIMITS.quote),
          note: cutText(highlight.note.trim(), LIMITS.note),
          created: highlight.created,
        },
      ];
    });
  }

  private merge(into: ImportedItem, from: ImportedItem): void {
    into.tags = normaliseTags([...into.tags, ...from.tags], LIMITS.tag);
    into.highlights.push(...from.highlights);
    if (from.note && from.note !== into.note) {
      into.note = cutText(into.note ? `${into.note}\n\n${from.note}` : from.note, LIMITS.note);
    }
  }
}
