// Publication date from the most to the least reliable source, so a stated date always beats a guessed one.
import { parseDate } from './dates';
import type { JsonLdArticle } from './json-ld';
import type { PageMeta } from './metadata';
import { articleRoot, isOffArticle } from './regions';
import { visibleDate } from './visible-text';

const META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'article.published',
  'og:published_time',
  'og:pubdate',
  'datecreated',
];

/** `<time>`/microdata dates inside the article body, skipping those that belong to linked stories. */
function articleTimes(doc: Document, lang: string | null): string | null {
  const root = articleRoot(doc);
  const scopes = root ? [root, doc] : [doc];
  for (const scope of scopes) {
    const stopAt = scope === root ? root.parentElement : null;
    const marked = scope.querySelectorAll('[itemprop~="datePublished"], time[pubdate]');
    for (const el of [...Array.from(marked), ...Array.from(scope.querySelectorAll('time'))]) {
      if (isOffArticle(el, stopAt)) continue;
      if (
        /updated|modified/i.test(
          `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`,
        )
      ) {
        continue;
      }
      const value =
        el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '';
      const date = parseDate(value, lang);
      if (date) return date;
    }
  }
  return null;
}

/** ISO 8601 publication time: JSON-LD, then meta tags, then `<time>`, then visible text. */
export function publishedTime(
  doc: Document,
  meta: PageMeta,
  jsonLd: JsonLdArticle | null,
  lang: string | null,
): string | null {
  const fromJsonLd = parseDate(jsonLd?.datePublished, lang);
  if (fromJsonLd) return fromJsonLd;
  for (const key of META_KEYS) {
    const date = parseDate(meta.get(key), lang);
    if (date) return date;
  }
  return articleTimes(doc, lang) ?? visibleDate(doc, lang);
}
