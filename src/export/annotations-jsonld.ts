/**
 * Every highlight and note as one W3C Web Annotation collection (JSON-LD), readable by any tool
 * that speaks the model (https://www.w3.org/TR/annotation-model/#collections): an
 * `AnnotationCollection` whose embedded first (and only) `AnnotationPage` holds every annotation.
 *
 * The annotations inside share the collection's `@context`, so they do not repeat it, and each
 * targets its article's address. The count is known only once every article has been read, so
 * `total` is the document's last member: JSON-LD gives member order no meaning.
 */
import type { Annotation } from '../shared/annotation.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import { textChunks } from './text-chunks.ts';
import { labelsOf, type ExportContext, type ExportFormat } from './types.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type CollectedAnnotation = Omit<Annotation, '@context'>;

/** The annotation as a member of the page: without its own `@context`, aimed at the article. */
export function collectedAnnotation(
  annotation: Annotation,
  article: ExportedArticle,
): CollectedAnnotation {
  const member: CollectedAnnotation & { '@context'?: string } = {
    ...annotation,
    target: { ...annotation.target, source: article.url },
  };
  delete member['@context'];
  return member;
}

/** Up to the opening of the page's `items`; the collection and page need IRIs of their own. */
function collectionHead(context: ExportContext): string {
  const head = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: labelsOf(context).annotationCollection,
    created: context.now.toISOString(),
  };
  const page = { id: `urn:uuid:${crypto.randomUUID()}`, type: 'AnnotationPage', startIndex: 0 };
  return `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
}

async function* collectionPieces(
  articles: AsyncIterable<ExportedArticle>,
  context: ExportContext,
): AsyncGenerator<string> {
  yield collectionHead(context);
  let total = 0;
  for await (const article of articles) {
    for (const annotation of article.annotations) {
      yield `${total === 0 ? '' : ','}\n${JSON.stringify(collectedAnnotation(annotation, article))}`;
      total += 1;
    }
  }
  yield `\n]},"total":${total}}\n`;
}

export const annotationsJsonLdFormat: ExportFormat = {
  id: 'annotations-jsonld',
  extension: 'jsonld',
  // The media type the model recommends for annotations serialised with its context.
  mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
  write: (articles, context) => textChunks(collectionPieces(articles, context)),
};
