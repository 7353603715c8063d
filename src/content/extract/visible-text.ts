// Many pages state author and date only as visible text ("Author : X", "By X", "Publié le …"), not as metadata.
import { cleanByline } from './byline';
import { parseDate } from './dates';
import { articleRoot, isOffArticle } from './regions';
import { collapseSpace } from './urls';

const CANDIDATE_TAGS =
  'p, div, span, li, time, small, em, strong, b, i, address, dd, dt, td, h3, h4, h5, h6, header, section, a[rel~="author"]';
const MAX_LINE = 160;

const AUTHOR_LABEL =
  /^(?:author|auteur|autor|autore|autorin|written by|posted by|reporter|redacteur|rédacteur|écrit par|rédigé par|text)\s*[:：]\s*(.+)$/iu;
const BY_NAME =
  /^(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR)\s+((?:[\p{Lu}][\p{L}\p{M}.'’-]*|de|van|von|der|da|du|le|la|and|et|und|y|e|&|,)(?:\s+(?:[\p{Lu}][\p{L}\p{M}.'’-]*|de|van|von|der|da|du|le|la|and|et|und|y|e|&|,))*)/u;
const DATE_LABEL =
  /(?:publish(?:ed)?(?:\s+(?:date|on|at))?|posted(?:\s+on)?|date\s+de\s+publication|publié(?:\s+le)?|paru\s+le|veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|公開日|掲載日|投稿日|配信日|発表日|publicado(?:\s+el)?|pubblicato(?:\s+il)?|date)\s*[:：]?\s*/iu;
const DATE_HINT =
  /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|posted|post-?meta|entry-?meta|article-?meta|meta)(?:$|[\s_-])/i;

/** Short text lines of `root`, in document order, outside navigation/sidebars/related lists. */
function lines(root: Element, stopAt: Element | null): { el: Element; text: string }[] {
  const out: { el: Element; text: string }[] = [];
  for (const el of Array.from(root.querySelectorAll(CANDIDATE_TAGS))) {
    const text = collapseSpace(el.textContent);
    if (!text || text.length > MAX_LINE || isOffArticle(el, stopAt)) continue;
    out.push({ el, text });
  }
  return out;
}

/** The places to look, most specific first: the article element, then the whole body. */
function scopes(doc: Document): { root: Element; stopAt: Element | null }[] {
  const root = articleRoot(doc);
  const list: { root: Element; stopAt: Element | null }[] = [];
  if (root) list.push({ root, stopAt: root.parentElement });
  if (doc.body && doc.body !== root) list.push({ root: doc.body, stopAt: null });
  return list;
}

/** An author name stated in visible text near the article ("Author : X", "By X", "Par X"). */
export function visibleByline(doc: Document): string | null {
  for (const { root, stopAt } of scopes(doc)) {
    for (const { text } of lines(root, stopAt)) {
      const labelled = AUTHOR_LABEL.exec(text)?.[1];
      const named = labelled ?? BY_NAME.exec(text)?.[1];
      const name = cleanByline(named);
      if (name && name.split(/\s+/).length <= 8) return name;
    }
  }
  return null;
}

const AUTHOR_MARKUP =
  '[itemprop~="author"], a[rel~="author"], [class*="author" i], [class*="byline" i], [id*="author" i], [id*="byline" i]';

/** An author marked up as such: microdata author, rel=author links, author/byline class names. */
export function markedByline(doc: Document): string | null {
  for (const { root, stopAt } of scopes(doc)) {
    for (const el of Array.from(root.querySelectorAll(AUTHOR_MARKUP))) {
      if (isOffArticle(el, stopAt)) continue;
      const named = el.querySelector('[itemprop~="name"]') ?? el;
      const text = collapseSpace(named.getAttribute('content') ?? named.textContent);
      if (!text || text.length > 80) continue;
      const name = cleanByline(AUTHOR_LABEL.exec(text)?.[1] ?? text);
      if (name && name.split(/\s+/).length <= 8) return name;
    }
  }
  return null;
}

/** A publication date stated in visible text ("Publish date : …", "Published 3 March 2024"). */
export function visibleDate(doc: Document, lang: string | null): string | null {
  for (const { root, stopAt } of scopes(doc)) {
    const candidates = lines(root, stopAt);
    for (const { text } of candidates) {
      const label = DATE_LABEL.exec(text);
      if (!label || /updated|modifi|mis à jour|aktualisiert/i.test(text.slice(0, label.index))) {
        continue;
      }
      const date = parseDate(text.slice(label.index + label[0].length), lang);
      if (date) return date;
    }
    // Unlabelled dates count only in elements whose class or id says they hold one.
    for (const { el, text } of candidates) {
      const hint = `${el.id} ${el.getAttribute('class') ?? ''}`;
      if (!DATE_HINT.test(hint) || /updated|modified/i.test(hint)) continue;
      const date = parseDate(text, lang);
      if (date) return date;
    }
  }
  return null;
}
