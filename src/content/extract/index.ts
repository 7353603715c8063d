// Entry point: Readability for the body plus a metadata layer for what Readability misses; a pure function of the Document.
import { Readability } from '@mozilla/readability';
import type { ArticleSnapshot } from '../../shared/article';
import { cleanByline, joinAuthors } from './byline';
import { pickExcerpt } from './excerpt';
import { readJsonLdArticle } from './json-ld';
import { pageDir, pageLang } from './lang';
import { readMeta } from './metadata';
import { originalSourceUrl } from './original-source';
import { publishedTime } from './published-time';
import { sanitizeArticleHtml } from './sanitize';
import { blockText } from './text';
import { cleanTitle, siteNameFromTitle } from './title';
import { absoluteHttpUrl, bareHost, collapseSpace } from './urls';
import { markedByline, visibleByline } from './visible-text';
import { countWords } from './word-count';

/** Below this many words the page is saved as a link, not an article. */
const MIN_ARTICLE_WORDS = 10;

type Parsed = ReturnType<Readability['parse']>;

/** Runs Readability on a copy, so the live page is never changed. */
function runReadability(doc: Document): Parsed {
  const clone = doc.cloneNode(true) as Document;
  try {
    return new Readability(clone).parse();
  } catch {
    return null;
  }
}

/** Extracts a snapshot of the article in `doc` without modifying `doc`. */
export function extractArticle(doc: Document): ArticleSnapshot {
  const url = doc.URL;
  const base = doc.baseURI || url;
  const host = bareHost(url);
  const meta = readMeta(doc);
  const jsonLd = readJsonLdArticle(doc);
  const parsed = runReadability(doc);
  const lang = pageLang(doc, meta, jsonLd);

  const docTitle = collapseSpace(doc.title);
  const siteName =
    collapseSpace(meta.get('og:site_name', 'application-name', 'al:android:app_name')) ||
    jsonLd?.publisher ||
    collapseSpace(parsed?.siteName) ||
    siteNameFromTitle(docTitle, host) ||
    host ||
    null;

  const headings = Array.from(doc.querySelectorAll('h1')).map((h) => collapseSpace(h.textContent));
  const rawTitle = collapseSpace(parsed?.title) || jsonLd?.headline || docTitle;
  const title = cleanTitle(rawTitle, { siteName, host, headings });

  const byline =
    joinAuthors(jsonLd?.authors ?? []) ??
    cleanByline(parsed?.byline) ??
    joinAuthors(meta.all('author').concat(meta.all('dc.creator'), meta.all('sailthru.author'))) ??
    visibleByline(doc) ??
    markedByline(doc);

  const win = doc.defaultView;
  const body = parsed?.content && win ? sanitizeArticleHtml(parsed.content, win, base) : null;
  const textContent = body ? blockText(body) : '';
  const wordCount = countWords(textContent, lang);
  const isArticle = wordCount >= MIN_ARTICLE_WORDS;
  const description = meta.get('og:description', 'description', 'twitter:description');

  const canonicalUrl = meta.canonicalUrl ?? absoluteHttpUrl(meta.get('og:url'), base);
  return {
    kind: isArticle ? 'article' : 'link',
    url,
    canonicalUrl,
    originalSourceUrl: originalSourceUrl(body ? [body] : [], base, canonicalUrl),
    title,
    byline,
    authors: byline ? [byline] : [],
    siteName,
    publishedTime: publishedTime(doc, meta, jsonLd, lang),
    modifiedTime: null,
    lang,
    dir: pageDir(doc, parsed?.dir, lang),
    excerpt: pickExcerpt(isArticle ? body : null, description ?? jsonLd?.description ?? null),
    contentHtml: isArticle && body ? body.innerHTML : '',
    textContent: isArticle ? textContent : '',
    wordCount: isArticle ? wordCount : 0,
    leadImageUrl:
      absoluteHttpUrl(meta.get('og:image', 'og:image:url', 'og:image:secure_url'), base) ??
      absoluteHttpUrl(meta.get('twitter:image', 'twitter:image:src'), base) ??
      absoluteHttpUrl(jsonLd?.image, base),
    fieldSources: {},
  };
}
