/**
 * File names for the Markdown export: readable (the title's words), unique (a short piece of the
 * article's id, then a counter if even that collides), and safe to unpack anywhere: only letters,
 * digits and hyphens before `.md`, so no path separators, no `..`, nothing Windows forbids
 * (`<>:"/\|?*`, trailing dots or spaces, reserved names like `CON`) and no bidirectional
 * controls that could disguise the extension.
 */
import { hostOf } from '../shared/url.ts';

/** Names are kept well under the 255-byte limit of common file systems, in UTF-8. */
const MAX_SLUG_BYTES = 80;
const SHORT_ID_LENGTH = 8;

const encoder = new TextEncoder();

/** `A Story: Part 2!` → `a-story-part-2`; any script's letters are kept, everything else joins. */
export function slugOf(text: string, maxBytes = MAX_SLUG_BYTES): string {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let slug = '';
  let bytes = 0;
  // Cut whole code points, never half an emoji or half a UTF-8 sequence.
  for (const character of words) {
    bytes += encoder.encode(character).length;
    if (bytes > maxBytes) break;
    slug += character;
  }
  return slug.replace(/-+$/, '');
}

/** Hands out a distinct file name per article, remembering the names already given. */
export class MarkdownFileNames {
  // Lower-cased: two names differing only in case are the same file on Windows and macOS.
  private readonly used = new Set<string>();

  nameFor(article: { id: string; title: string; url: string }): string {
    const stem = slugOf(article.title) || slugOf(hostOf(article.url));
    const shortId = article.id
      .replace(/[^a-z0-9]/gi, '')
      .slice(0, SHORT_ID_LENGTH)
      .toLowerCase();
    const base = [stem, shortId].filter(Boolean).join('-') || 'article';
    let name = `${base}.md`;
    for (let counter = 2; this.used.has(name.toLowerCase()); counter += 1) {
      name = `${base}-${counter}.md`;
    }
    this.used.add(name.toLowerCase());
    return name;
  }

  /** Reserves a name (the index file) so no article is given it. */
  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }
}
