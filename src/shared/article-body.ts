/**
 * The one way a saved body becomes DOM for reading and annotating. The stored HTML came from a
 * web page, so it is sanitised again here, right before it is shown; and the article text that
 * annotation offsets are measured on is the text of exactly this DOM, wherever it is built
 * (the reader page, or the content script when a highlight is made on the live page).
 */
import DOMPurify from 'dompurify';
import { textOf } from './anchoring/dom.ts';
import { imageSourceOf, IMAGE_SOURCE_ATTRIBUTE } from './article-images.ts';

const RENDER_CONFIG = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'base'],
  // No ids or names: page markup must not clobber the reader's own globals or anchors.
  FORBID_ATTR: ['style', 'id', 'name', 'srcdoc'],
  ALLOW_DATA_ATTR: false,
};

/**
 * Takes the publisher's addresses off an image before it reaches the page's document, where
 * the browser would start loading them: the one address Margins keeps a picture for is left
 * in IMAGE_SOURCE_ATTRIBUTE, and the reader puts the stored picture there (or a frame). An
 * image written into the page as data: stays as it is.
 */
function makeInert(img: Element): void {
  const source = imageSourceOf(img);
  if (source) img.setAttribute(IMAGE_SOURCE_ATTRIBUTE, source);
  if (!img.getAttribute('src')?.startsWith('data:')) img.removeAttribute('src');
  img.removeAttribute('srcset');
  img.removeAttribute('sizes');
  const picture = img.parentElement;
  if (picture?.localName === 'picture') {
    for (const offered of Array.from(picture.children)) {
      if (offered.localName === 'source') offered.remove();
    }
  }
}

/**
 * The saved body, sanitised, as a fragment owned by `doc`, ready to insert. Its images point
 * nowhere (makeInert): showing one is the caller's choice.
 */
export function renderArticleBody(contentHtml: string, doc: Document): DocumentFragment {
  const view = doc.defaultView;
  if (!view) throw new Error('renderArticleBody needs a document with a window');
  const purifier = DOMPurify(view);
  // Links leave Margins' pages for the open web, never in the same tab or with a referrer.
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    // Still in DOMPurify's inert document: nothing has been fetched yet.
    if (node.tagName === 'IMG') makeInert(node);
  });
  return purifier.sanitize(contentHtml, RENDER_CONFIG);
}

/** The article text: what annotation selectors measure, for a saved body. */
export function articleTextOf(contentHtml: string, doc: Document): string {
  const container = doc.createElement('div');
  container.append(renderArticleBody(contentHtml, doc));
  return textOf(container);
}
