/**
 * Entry point: Readability for the body plus a metadata layer for what Readability misses; a pure
 * function of the Document.
 */
import type { ArticleSnapshot, FieldSource, FieldSources } from '../../shared/article.ts';
import { runReadability } from './run-readability.ts';
import { addressOf, viewOf } from './address.ts';
import { pickExcerpt } from './excerpt.ts';
import {
  bylineOf,
  DECLARED_SOURCES,
  pick,
  pickAuthors,
  pickDate,
  type Picked,
  pickText,
  PRECEDENCE,
  Readings,
  record,
} from './fields.ts';
import { headlineText } from './headline-text.ts';
import { isSiteName } from './title.ts';
import { closingSignature } from './signature.ts';
import { homeLinkNames } from './home-link.ts';
import { isArticleBody } from './kind.ts';
import { pageDir, toLangTag } from './lang.ts';
import { NO_META, readMeta } from './metadata.ts';
import { StepFailures } from './failures.ts';
import { fitToSchema } from './fit.ts';
import { linkOnly } from './link-only.ts';
import { inPageZone } from './local-day.ts';
import { originalSourceUrl } from './original-source.ts';
import { articleRoot, lineAnchor } from './regions.ts';
import { sanitizeArticle } from '../../shared/article-html/sanitize.ts';
import { indexPage, jsonLdScripts, onArticle, type PageIndex } from './scan.ts';
import { readJsonLd } from './sources/json-ld.ts';
import { metaTagReaders } from './sources/meta-tags.ts';
import { readMicrodata } from './sources/microdata.ts';
import { readMicroformats } from './sources/microformats.ts';
import { readTimeElements } from './sources/time-element.ts';
import { readPageText } from './sources/page-text.ts';
import { socialPostAuthor } from './sources/social-post.ts';
import { urlPathDate } from './sources/url-date.ts';
import { blockText } from '../../shared/article-html/text.ts';
import { addIngredients } from './recipe.ts';
import { addStandfirst } from './standfirst.ts';
import { pickTitle } from './title-pick.ts';
import { absoluteHttpUrl, hostOf } from '../../shared/url.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { countWords } from '../../shared/article-html/word-count.ts';

/**
 * Extracts a snapshot of the article in `doc` without modifying `doc`. It does not throw: each
 * metadata source and cleanup step that fails costs only what it would have found, and a page
 * whose extraction fails as a whole is kept as a link with its title. Either way the failures are
 * listed in `extractionFailures`. `observe` is handed the sources' readings (`extract --explain`
 * prints every candidate from them).
 */
export function extractArticle(
  doc: Document,
  observe?: (readings: Readings) => void,
): ArticleSnapshot {
  const failures = new StepFailures();
  try {
    return fitToSchema({
      ...readArticle(doc, failures, observe),
      extractionFailures: failures.list(),
    });
  } catch (thrown) {
    failures.record('whole-page', thrown);
    return fitToSchema(linkOnly(doc, failures.list()));
  }
}

/** The name signing Readability's article body, when it has no byline of its own. */
function signatureOf(content: Node | null | undefined): string[] {
  const name = content?.nodeType === 1 ? closingSignature(content as Element) : null;
  return name ? [name] : [];
}

/** The extraction proper; each step that may fail on a page's odd markup runs on its own. */
function readArticle(
  doc: Document,
  failures: StepFailures,
  observe?: (readings: Readings) => void,
): ArticleSnapshot {
  const url = addressOf(doc);
  const page = indexPage(doc);
  const base = page.base;
  const host = hostOf(url);
  const meta = failures.run('meta-tags', () => readMeta(page), NO_META);
  // An <h1> with no words is the masthead's logo (an image linking home), never the headline.
  const h1s = page.tagged('h1').filter((h1) => collapseSpace(h1.textContent) !== '');
  const articleH1s = onArticle(h1s);
  const heading = articleH1s[0] ?? h1s[0] ?? null;
  const sources: FieldSources = {};

  let root: Element | null | undefined;
  const rootOf = (): Element | null =>
    root === undefined ? (root = articleRoot(page, heading)) : root;
  const htmlLang = toLangTag(
    doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang'),
  );
  const readings = new Readings(failures);
  observe?.(readings);
  let lang = htmlLang;
  readings.add(
    'json-ld',
    () =>
      readJsonLd(jsonLdScripts(page), [url, meta.canonicalUrl ?? '', meta.get('og:url') ?? ''])
        .found,
  );
  for (const { source, read } of metaTagReaders(meta)) readings.add(source, read);
  readings.add('microdata', () => readMicrodata(page.itemprops, meta, page.authorLinks).found);
  readings.add('microformats', () => readMicroformats(doc, h1s, lang).found);
  readings.add('time-element', () => readTimeElements(page.tagged('time'), rootOf(), h1s).found);
  // A masthead <h1> holding the site's name ("L-Mag") heads the page, not the article: the lines
  // that date and sign the article are read from its headline.
  const headlineH1s = (): Element[] =>
    articleH1s.filter((h1) => !isSiteName(headlineText(h1), meta.get('og:site_name'), host));
  readings.add('visible-text', () =>
    readPageText(page, lineAnchor(page, headlineH1s(), heading), rootOf(), lang),
  );
  readings.add('document-title', () => ({ authors: socialPostAuthor(meta, doc.title) }));
  if (htmlLang) sources.lang = 'html-lang';
  else
    lang = failures.run(
      'language',
      () =>
        record(
          sources,
          'lang',
          pick(readings, 'lang', (f) => toLangTag(f.lang)),
        ),
      null,
    );
  // A copy that cannot be made (an element name the DOM refuses) is Readability's failure too.
  const parsed = failures.run(
    'readability',
    () => runReadability(doc, failures, rootOf, heading),
    null,
  );
  readings.add('readability', () => ({
    authors: parsed?.byline ? [parsed.byline] : signatureOf(parsed?.content),
    siteName: parsed?.siteName,
    description: parsed?.excerpt,
  }));

  const site = failures.run('site-name', () => pickText(readings, 'siteName'), null);
  // Each step records where its value came from only once it has the value: a step that fails
  // halfway leaves no source behind for a field it did not fill.
  const authors = failures.run(
    'authors',
    () => {
      // The canonical address names the publication too, where the page was saved elsewhere.
      const canonicalHost = hostOf(meta.canonicalUrl);
      const names = pickAuthors(
        readings,
        [site?.value, host.split('.')[0], canonicalHost.split('.')[0]],
        parsed?.textContent ?? '',
      );
      if (!names) return null;
      return { names, line: bylineOf(names.value, readings.found(names.source)?.authors ?? []) };
    },
    null,
  );
  const authorList = record(sources, 'byline', authors?.names ?? null) ?? [];
  const byline = authors?.line ?? null;
  const { publishedTime, modifiedTime } = failures.run(
    'dates',
    () => {
      const publishedFound = pickDate(readings, 'publishedTime', lang);
      // When the metadata dates the page, the change date is looked for in the metadata only: an
      // "Updated" line or <time> elsewhere is less sure than declared dates, and reading the
      // page's text for it was the metadata layer's largest cost on pages whose metadata is
      // complete.
      const modified = pickDate(
        readings,
        'modifiedTime',
        lang,
        publishedFound && DECLARED_SOURCES.has(publishedFound.source)
          ? DECLARED_SOURCES
          : undefined,
      );
      // A page that states only when it was last changed ("Updated: Dec 15, 2016") is dated by
      // that; one that states no date at all, by the day in its address (/2024/06/18/).
      const stated = publishedFound ?? modified ?? urlDated(url);
      const published = stated && {
        ...stated,
        value: inPageZone(stated.value, localTimes(readings, page), lang),
      };
      return {
        publishedTime: record(sources, 'publishedTime', published),
        modifiedTime: record(sources, 'modifiedTime', modified),
      };
    },
    { publishedTime: null, modifiedTime: null },
  );
  const docTitle = collapseSpace(doc.title);
  const siteName = record(sources, 'siteName', site);
  const headingText = heading ? headlineText(heading) : null;
  const picked = failures.run(
    'title',
    () =>
      pickTitle({
        readings,
        parsedTitle: parsed?.title,
        docTitle,
        siteName,
        host,
        heading: headingText,
        headlines: articleH1s.map(headlineText),
        subheadings: articleH1s.length ? [] : subheadings(page),
        homeNames: () => failures.run('site-name', () => homeLinkNames(page), []),
      }),
    null,
  );
  // A page without <title> or metadata title (or whose title could not be chosen) is named by its
  // headline, else its <title> as written, else its address.
  const title: { value: string; source: FieldSource; siteName: string | null } = picked?.value
    ? picked
    : headingText
      ? { value: headingText, source: 'visible-text', siteName: picked?.siteName ?? null }
      : (picked ?? {
          value: docTitle || url,
          source: docTitle ? 'document-title' : 'url',
          siteName: null,
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
  // Before sanitising, so the list is cleaned as the rest of the article is.
  if (content)
    failures.run(
      'recipe-ingredients',
      () => addIngredients(page, content, parsed?.textContent ?? ''),
      false,
    );
  if (content)
    failures.run(
      'standfirst',
      () => addStandfirst(heading, content, parsed?.textContent ?? ''),
      false,
    );
  const view = viewOf(doc);
  const body =
    content && view
      ? failures.run('body-sanitize', () => sanitizeArticle(content, base, view), null)
      : null;
  const { textContent, wordCount } = body
    ? failures.run(
        'body-text',
        () => {
          const text = blockText(body);
          return { textContent: text, wordCount: countWords(text, lang) };
        },
        { textContent: '', wordCount: 0 },
      )
    : { textContent: '', wordCount: 0 };
  // When the judgement fails, a body with words is kept rather than lost.
  const isArticle = failures.run(
    'article-kind',
    () =>
      isArticleBody(
        page,
        body,
        wordCount,
        sources.publishedTime !== undefined && DECLARED_SOURCES.has(sources.publishedTime),
      ),
    wordCount > 0,
  );

  let canonicalUrl = meta.canonicalUrl;
  if (canonicalUrl) sources.canonicalUrl = 'link-canonical';
  else
    canonicalUrl = failures.run(
      'canonical-url',
      () => record(sources, 'canonicalUrl', pickUrl(readings, base)),
      null,
    );
  const originalUrl = failures.run(
    'original-source',
    () => originalSourceUrl(body ? [body] : [], base, canonicalUrl),
    null,
  );
  if (originalUrl) sources.originalSourceUrl = 'body';
  const leadImageUrl = failures.run(
    'lead-image',
    () => {
      const image = pickText(readings, 'image');
      const address = image ? absoluteHttpUrl(image.value, base) : null;
      if (image && address) sources.leadImageUrl = image.source;
      return address;
    },
    null,
  );
  const excerpt = record(
    sources,
    'excerpt',
    failures.run(
      'excerpt',
      (): Picked<string> | null => {
        const fromBody = pickExcerpt(isArticle ? body : null, null);
        if (fromBody) return { value: fromBody, source: 'body' };
        const description = pickText(readings, 'description');
        const fromDescription = pickExcerpt(null, description?.value ?? null);
        return description && fromDescription
          ? { value: fromDescription, source: description.source }
          : null;
      },
      null,
    ),
  );
  const html = isArticle && body ? failures.run('body-sanitize', () => body.innerHTML, '') : '';
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
    dir: failures.run('text-direction', () => pageDir(doc, parsed?.dir, lang), null),
    excerpt,
    contentHtml: html,
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

/**
 * The publication times the page states besides the chosen one, where a local time of the same
 * moment may be found: every declared source's and the <time> elements' (the visible text is not
 * read for this).
 */
function localTimes(readings: Readings, page: PageIndex): () => string[] {
  return () => [
    ...PRECEDENCE.publishedTime
      .filter((source) => source !== 'visible-text')
      .map((source) => readings.found(source)?.publishedTime ?? null)
      .filter((value): value is string => !!value),
    ...page
      .tagged('time')
      .map((el) => el.getAttribute('datetime'))
      .filter((value): value is string => !!value),
  ];
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
