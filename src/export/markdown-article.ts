/**
 * One article as a Markdown file: front matter with its metadata, the title, the body, then its
 * highlights (each quote as a block quote, its note below) and the article's own note.
 */
import { noteOf, positionOf, quoteOf, type Annotation } from '../shared/annotation.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import type { LocalImages, MarkdownConverter } from './html-to-markdown.ts';
import { frontMatter } from './yaml.ts';
import type { ExportLabels } from './types.ts';

/**
 * Escaped plain text as Markdown blocks: a blank line still separates paragraphs, and a single
 * line break stays a line break (a Markdown hard break) instead of being joined into one line.
 */
function textBlocks(escaped: string): string {
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.split('\n').join('  \n'))
    .join('\n\n');
}

function blockQuote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function articleFrontMatter(article: ExportedArticle): string {
  const authors =
    article.authors.length > 0 ? article.authors : article.byline ? [article.byline] : [];
  return frontMatter([
    ['title', article.title],
    ['url', article.url],
    ['canonical_url', article.canonicalUrl],
    ['original_source_url', article.originalSourceUrl],
    ['authors', authors],
    ['site', article.siteName],
    ['published', article.publishedTime],
    ['modified', article.modifiedTime],
    ['saved', article.savedAt],
    ['read', article.readAt],
    ['archived', article.archivedAt],
    ['tags', article.tags],
    ['lang', article.lang],
    ['margins_id', article.id],
  ]);
}

/**
 * Highlights in the order they appear in the article, which is how a reader expects them; those
 * known only by their quote (imported, not placed yet) have no place, so they come last.
 */
function inReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  const startOf = (annotation: Annotation) => positionOf(annotation)?.start ?? Infinity;
  return [...annotations].sort((a, b) => {
    const order = startOf(a) - startOf(b);
    return (Number.isNaN(order) ? 0 : order) || a.created.localeCompare(b.created);
  });
}

function highlightMarkdown(annotation: Annotation, converter: MarkdownConverter): string {
  const quote = blockQuote(textBlocks(converter.escapeText(quoteOf(annotation))));
  const note = textBlocks(converter.escapeText(noteOf(annotation)));
  return note ? `${quote}\n\n${note}` : quote;
}

/** `localImages`: the pictures the export carries, as links relative to this file. */
export function articleMarkdown(
  article: ExportedArticle,
  converter: MarkdownConverter,
  labels: Pick<ExportLabels, 'highlights' | 'pageNote'>,
  localImages?: LocalImages,
): string {
  // A heading is one line, whatever the title holds.
  const heading = (article.title.trim() || article.url).replace(/\s+/g, ' ');
  const sections = [`# ${converter.escapeText(heading)}`];
  const body = article.contentHtml
    ? converter.bodyToMarkdown(article.contentHtml, localImages).trim()
    : '';
  if (body) sections.push(body);
  if (article.annotations.length > 0) {
    sections.push(`## ${converter.escapeText(labels.highlights)}`);
    for (const annotation of inReadingOrder(article.annotations)) {
      sections.push(highlightMarkdown(annotation, converter));
    }
  }
  const pageNote = textBlocks(converter.escapeText(article.note));
  if (pageNote) sections.push(`## ${converter.escapeText(labels.pageNote)}`, pageNote);
  return `${articleFrontMatter(article)}\n${sections.join('\n\n')}\n`;
}
