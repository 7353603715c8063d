/**
 * The saved body as Markdown. The stored HTML came from a web page, so it goes through the same
 * sanitiser the reader uses before turndown reads it; turndown needs a DOM, which the export
 * page has.
 */
import TurndownService from 'turndown';
import { renderArticleBody } from '../shared/article-body.ts';
import { IMAGE_SOURCE_ATTRIBUTE } from '../shared/article-images.ts';

/** An image's address (article-images.ts's `imageSourceOf`) → where its picture is in the export. */
export type LocalImages = ReadonlyMap<string, string>;

export interface MarkdownConverter {
  /**
   * The sanitised body, as Markdown. An image whose picture the export carries (`localImages`)
   * links to that file; the others keep their address on the web.
   */
  bodyToMarkdown(contentHtml: string, localImages?: LocalImages): string;
  /** Plain text (a quote, a note, a title) written so Markdown shows it exactly as it is. */
  escapeText(text: string): string;
}

/**
 * Beyond turndown's own escaping of Markdown syntax: a `<` would open raw HTML in most Markdown
 * renderers, and `&name;` would show as the character it names rather than as written.
 */
function escapeHtmlSyntax(text: string): string {
  return text.replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;').replace(/</g, '&lt;');
}

/**
 * Points each image at its file in the export when the export carries its picture, else at its
 * address on the web. renderArticleBody left that address (which may be a srcset candidate
 * rather than `src`) on the image; turndown writes `src`, so that is what is set.
 */
function pointAtPictures(root: ParentNode, localImages: LocalImages): void {
  for (const img of root.querySelectorAll('img')) {
    const source = img.getAttribute(IMAGE_SOURCE_ATTRIBUTE);
    if (source === null) continue;
    img.setAttribute('src', localImages.get(source) ?? source);
  }
}

export function createMarkdownConverter(doc: Document): MarkdownConverter {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  });
  const markdownEscape = service.escape.bind(service);
  // Turndown escapes every text node of the body through this method.
  service.escape = (text: string) => escapeHtmlSyntax(markdownEscape(text));

  return {
    bodyToMarkdown(contentHtml, localImages) {
      const container = doc.createElement('div');
      container.append(renderArticleBody(contentHtml, doc));
      pointAtPictures(container, localImages ?? new Map());
      return service.turndown(container);
    },
    escapeText(text) {
      // Turndown's escapes look at the start of the string for block syntax (`# `, `- `, `> `,
      // `1. `), so each line is escaped on its own; leading spaces would start a code block.
      return text
        .split(/\r\n|\r|\n/)
        .map((line) => service.escape(line.trim()))
        .join('\n');
    },
  };
}
