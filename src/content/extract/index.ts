/**
 * Entry point: Readability for the body plus a metadata layer for what Readability misses; a pure
 * function of the Document.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleSnapshot, FieldSources } from '../../shared/article.ts';
import { readableCopy } from './clone.ts';
import { pickExcerpt } from './excerpt.ts';
import {
  bylineOf,
  DECLARED_SOURCES,
  pick,
  pickAuthors,
  pickDate,
  type Picked,
  pickText,
  Readings,
  record,
} from './fields.ts';
import { homeLinkNames } from './home-link.ts';
import { isArticleBody } from './kind.ts';
import { pageDir, toLangTag } from './lang.ts';
import { readMeta } from './metadata.ts';
import { originalSourceUrl } from './original-source.ts';
import { articleRoot, lineAnchor } from './regions.ts';
import { sanitizeArticle } from '../../shared/article-html/sanitize.ts';
import { indexPage, jsonLdScripts, onArticle, type PageIndex } from './scan.ts';
import { readJsonLd } from './sources/json-ld.ts';
import { readMetaTags } from './sources/meta-tags.ts';
import { readMicrodata } from './sources/microdata.ts';
import { readTimeElements } from './sources/time-element.ts';
import { readPageText } from './sources/page-text.ts';
import { socialPostAuthor } from './sources/social-post.ts';
import { urlPathDate } from './sources/url-date.ts';
import { blockText } from '../../shared/article-html/text.ts';
import { pickTitle } from './title-pick.ts';
import { absoluteHttpUrl, hostOf } from '../../shared/url.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { countWords } from '../../shared/article-html/word-count.ts';

/**
 * Readability on a trimmed copy, so the live page is never changed; it returns its article element.
 */
function parseCopy(copy: Document) {
  try {
    const options = { disableJSONLD: true, keepClasses: true, serializer: (el: Node) => el };
    return new Readability(copy, options).parse();
  } catch {
    return null;
  }
}

/** Below this many characters, Readability found a stub rather than the article. */
const STUB_TEXT = 200;

/**
 * Readability's article; when the visible page yields only a stub, the article may be hidden until
 * a script shows it.
 */
function runReadability(doc: Document) {
  const { copy, hidesContent } = readableCopy(doc);
  const parsed = parseCopy(copy);
  const length = collapseSpace(parsed?.textContent).length;
  // A page that hides nothing would give the same copy again.
  if (length >= STUB_TEXT || !hidesContent) return parsed;
  const revealed = parseCopy(readableCopy(doc, { revealHidden: true }).copy);
  return collapseSpace(revealed?.textContent).length > Math.max(2 * length, STUB_TEXT)
    ? revealed
    : parsed;
}

/** Extracts a snapshot of the article in `doc` without modifying `doc`. */
export function extractArticle(doc: Document): ArticleSnapshot {
  const url = doc.URL;
  const page = indexPage(doc);
  const base = page.base;
  const host = hostOf(url);
  const meta = readMeta(page);
  const h1s = page.tagged('h1');
  const articleH1s = onArticle(h1s);
  const heading = articleH1s[0] ?? h1s[0] ?? null;
  const sources: FieldSources = {};

  let root: Element | null | undefined;
  const rootOf = (): Element | null =>
    root === undefined ? (root = articleRoot(page, heading)) : root;
  const htmlLang = toLangTag(
    doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang'),
  );
  const readings = new Readings();
  let lang = htmlLang;
  readings.add(
    'json-ld',
    () =>
      readJsonLd(jsonLdScripts(page), [url, meta.canonicalUrl ?? '', meta.get('og:url') ?? ''])
        .found,
  );
  for (const { source, found } of readMetaTags(meta)) readings.add(source, () => found);
  readings.add('microdata', () => readMicrodata(page.itemprops, meta, page.authorLinks).found);
  readings.add('time-element', () => readTimeElements(page.tagged('time'), rootOf()).found);
  readings.add('visible-text', () =>
    readPageText(page, lineAnchor(page, articleH1s, heading), rootOf(), lang),
  );
  readings.add('document-title', () => ({ authors: socialPostAuthor(meta, doc.title) }));
  if (htmlLang) sources.lang = 'html-lang';
  else
    lang = record(
      sources,
      'lang',
      pick(readings, 'lang', (f) => toLangTag(f.lang)),
    );
  const parsed = runReadability(doc);
  readings.add('readability', () => ({
    authors: parsed?.byline ? [parsed.byline] : [],
    siteName: parsed?.siteName,
    description: parsed?.excerpt,
  }));

  const site = pickText(readings, 'siteName');
  const authorsPicked = pickAuthors(readings, [site?.value, host.split('.')[0]]);
  const authorList = record(sources, 'byline', authorsPicked) ?? [];
  const byline = authorsPicked
    ? bylineOf(authorList, readings.found(authorsPicked.source)?.authors ?? [])
    : null;
  const publishedFound = pickDate(readings, 'publishedTime', lang);
  // When the metadata dates the page, the change date is looked for in the metadata only: an
  // "Updated" line or <time> elsewhere is less sure than declared dates, and reading the page's
  // text for it was the metadata layer's largest cost on pages whose metadata is complete.
  const modified = pickDate(
    readings,
    'modifiedTime',
    lang,
    publishedFound && DECLARED_SOURCES.has(publishedFound.source) ? DECLARED_SOURCES : undefined,
  );
  // A page that states only when it was last changed ("Updated: Dec 15, 2016") is dated by that;
  // one that states no date at all, by the day in its address (/2024/06/18/), when there is one.
  const published = publishedFound ?? modified ?? urlDated(url);
  const publishedTime = record(sources, 'publishedTime', published);
  const modifiedTime = record(sources, 'modifiedTime', modified);
  const docTitle = collapseSpace(doc.title);
  const siteName = record(sources, 'siteName', site);
  const title = pickTitle({
    readings,
    parsedTitle: parsed?.title,
    docTitle,
    siteName,
    host,
    heading: heading ? collapseSpace(heading.textContent) : null,
    headlines: articleH1s.map((h) => collapseSpace(h.textContent)),
    subheadings: articleH1s.length ? [] : subheadings(page),
    homeNames: () => homeLinkNames(page),
  });
  sources.title = title.source;
  const finalSite =
    siteName ??
    record(
      sources,
      'siteName',
      title.siteName
        ? { value: title.siteName, source: 'document-title' }
        : host
          ? { value: host, source: 'host' }
          : null,
    );

  // Regression: `instanceof Object` is false for page nodes seen from a Firefox content script
  // (they belong to the page's compartment), which saved every Firefox page as a link.
  const content = parsed?.content?.nodeType === 1 ? (parsed.content as Element) : null;
  const view = doc.defaultView;
  const body = content && view ? sanitizeArticle(content, base, view) : null;
  const textContent = body ? blockText(body) : '';
  const wordCount = countWords(textContent, lang);
  const isArticle = isArticleBody(page, body, wordCount);

  let canonicalUrl = meta.canonicalUrl;
  if (canonicalUrl) sources.canonicalUrl = 'link-canonical';
  else canonicalUrl = record(sources, 'canonicalUrl', pickUrl(readings, base));
  const originalUrl = originalSourceUrl(body ? [body] : [], base, canonicalUrl);
  if (originalUrl) sources.originalSourceUrl = 'body';
  const image = pickText(readings, 'image');
  const leadImageUrl = image ? absoluteHttpUrl(image.value, base) : null;
  if (image && leadImageUrl) sources.leadImageUrl = image.source;
  const description = pickText(readings, 'description');
  const excerpt =
    pickExcerpt(isArticle ? body : null, null) ??
    pickExcerpt(null, record(sources, 'excerpt', description));
  if (excerpt && !sources.excerpt) sources.excerpt = 'body';
  return {
    kind: isArticle ? 'article' : 'link',
    url,
    canonicalUrl,
    originalSourceUrl: originalUrl,
    title: title.value,
    byline,
    authors: authorList,
    siteName: finalSite,
    publishedTime,
    modifiedTime,
    lang,
    dir: pageDir(doc, parsed?.dir, lang),
    excerpt,
    contentHtml: isArticle && body ? body.innerHTML : '',
    textContent: isArticle ? textContent : '',
    wordCount: isArticle ? wordCount : 0,
    leadImageUrl,
    fieldSources: sources,
  };
}

/** Texts of the first few <h2>s on the article, for pages whose headline is not an <h1>. */
function subheadings(page: PageIndex): string[] {
  return onArticle(page.tagged('h2').slice(0, 8))
    .slice(0, 3)
    .map((h) => collapseSpace(h.textContent));
}

/** The day written in the page's address, as a publication date of last resort. */
function urlDated(url: string): Picked<string> | null {
  const value = urlPathDate(url);
  return value ? { value, source: 'url' } : null;
}

/** The og:url or JSON-LD url as the canonical address when there is no canonical link. */
function pickUrl(readings: Readings, base: string) {
  for (const source of ['opengraph', 'json-ld'] as const) {
    const value = absoluteHttpUrl(readings.found(source)?.url, base);
    if (value) return { value, source };
  }
  return null;
}
