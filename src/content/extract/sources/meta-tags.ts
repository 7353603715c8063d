/**
 * OpenGraph, article:*, Dublin Core, citation_*, Parse.ly, Sailthru and plain <meta> tags, each a
 * source of its own.
 */
import type { MetadataSource } from '../../../shared/article.ts';
import type { PageMeta } from '../metadata.ts';
import type { Found } from './types.ts';

/** Fields a meta tag may fill: the credits printed on the page are no tag's. */
type TagField = Exclude<keyof Found, 'laterCredits'>;
type Keys = Partial<Record<TagField, readonly string[]>>;

/** Per source, the meta keys (lowercase) read for each field, most specific first. */
const TABLE: readonly [MetadataSource, Keys][] = [
  [
    'opengraph',
    {
      title: ['og:title'],
      siteName: ['og:site_name'],
      image: ['og:image', 'og:image:url', 'og:image:secure_url'],
      description: ['og:description'],
      lang: ['og:locale'],
      url: ['og:url'],
      publishedTime: ['og:published_time', 'og:article:published_time', 'og:pubdate'],
      modifiedTime: ['og:updated_time', 'og:article:modified_time'],
      authors: ['og:article:author'],
    },
  ],
  [
    'article-meta',
    {
      authors: ['article:author', 'article:author_name'],
      publishedTime: ['article:published_time', 'article:published', 'article.published'],
      modifiedTime: ['article:modified_time', 'article:modified', 'article.updated'],
    },
  ],
  [
    'parsely',
    {
      title: ['parsely-title'],
      authors: ['parsely-author'],
      publishedTime: ['parsely-pub-date'],
      image: ['parsely-image-url'],
    },
  ],
  [
    'sailthru',
    {
      title: ['sailthru.title'],
      authors: ['sailthru.author'],
      publishedTime: ['sailthru.date'],
      image: ['sailthru.image.full'],
    },
  ],
  [
    'dublin-core',
    {
      title: ['dc:title', 'dc.title', 'dcterms.title', 'dcterms:title'],
      authors: [
        'dc:creator',
        'dc.creator',
        'dcterms.creator',
        'dcterms:creator',
        'dc.creator.name',
      ],
      publishedTime: [
        'dc.date.issued',
        'dcterms.issued',
        'dc.date',
        'dcterms.date',
        'dc.date.created',
        'dcterms.created',
      ],
      modifiedTime: ['dcterms.modified', 'dcterms:modified', 'dc.date.modified'],
      lang: ['dc.language', 'dcterms.language'],
      siteName: ['dc.publisher', 'dcterms.publisher'],
    },
  ],
  [
    'citation',
    {
      title: ['citation_title'],
      authors: ['citation_author'],
      publishedTime: ['citation_publication_date', 'citation_date', 'citation_online_date'],
      siteName: ['citation_journal_title', 'citation_publisher'],
      lang: ['citation_language'],
    },
  ],
  [
    'meta',
    {
      title: ['twitter:title', 'title', 'headline'],
      authors: ['author', 'byl', 'byline', 'author_name', 'authors'],
      publishedTime: [
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'published_time',
        'publication_date',
        'release_date',
        'created',
        'date.created',
        'displaydate',
        'dat',
        'original-publish-date',
        'article_date_original',
        'ptime',
      ],
      pageDate: ['date', 'timestamp'],
      modifiedTime: ['last-modified', 'lastmod', 'revised', 'utime', 'updated_time', 'modified'],
      description: ['description', 'twitter:description'],
      image: ['twitter:image', 'twitter:image:src', 'thumbnail'],
      siteName: ['application-name', 'al:android:app_name', 'al:ios:app_name', 'twitter:site:name'],
      lang: ['content-language', 'language'],
    },
  ],
  ['twitter-card', {}],
];

/** Parse.ly's older single tag holds JSON: {"title", "author", "pub_date", "image_url"}. */
function parselyPage(meta: PageMeta): Found {
  const raw = meta.get('parsely-page');
  if (!raw) return {};
  try {
    const page = JSON.parse(raw) as Record<string, unknown>;
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const author = page['author'] ?? page['authors'];
    return {
      title: str(page['title']),
      authors: Array.isArray(author)
        ? author.filter((a): a is string => typeof a === 'string')
        : [str(author) ?? ''],
      publishedTime: str(page['pub_date']),
      image: str(page['image_url']),
    };
  } catch {
    return {};
  }
}

/** Labels Yoast SEO writes over the author in its Twitter card ("Written by", "Verfasst von"…). */
const WRITTEN_BY =
  /^(?:written by|author|verfasst von|geschrieben von|autor(?:in)?|écrit par|auteur|escrito por|scritto da|geschreven door|skrivet av)$/iu;

/** The author a `twitter:labelN` / `twitter:dataN` pair names, as Yoast SEO writes it. */
function twitterLabelledAuthor(meta: PageMeta): string[] {
  for (let n = 1; n <= 4; n++) {
    const label = meta.get(`twitter:label${n}`);
    if (label === null) return [];
    const name = meta.get(`twitter:data${n}`);
    if (name && WRITTEN_BY.test(label.trim())) return [name];
  }
  return [];
}

/** Sources that hold more than name → value pairs, read by their own function first. */
const STRUCTURED: Partial<Record<MetadataSource, (meta: PageMeta) => Found>> = {
  parsely: parselyPage,
  'twitter-card': (meta) => ({ authors: twitterLabelledAuthor(meta) }),
};

/** What one meta-tag source says. */
function readSource(meta: PageMeta, source: MetadataSource, keys: Keys): Found {
  const found: Found = STRUCTURED[source]?.(meta) ?? {};
  for (const [field, names] of Object.entries(keys) as [TagField, readonly string[]][]) {
    if (field === 'authors') {
      const all = names.flatMap((name) => meta.all(name));
      if (all.length) found.authors = all;
    } else {
      found[field] = meta.get(...names) ?? found[field] ?? null;
    }
  }
  return found;
}

/**
 * One reader per meta-tag source, in the table's order, each read only when asked (and on its
 * own: one that throws does not take the others with it).
 */
export const metaTagReaders = (meta: PageMeta): { source: MetadataSource; read: () => Found }[] =>
  TABLE.map(([source, keys]) => ({ source, read: () => readSource(meta, source, keys) }));
