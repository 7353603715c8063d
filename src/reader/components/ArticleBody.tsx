import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { renderArticleBody } from '../../shared/article-body.ts';
import { noteOf } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';
import { hostOf } from '../../shared/url.ts';
import { showStoredImages } from '../images.ts';
import { annotationIdAt, drawHighlights } from '../marks.ts';
import type { Placed } from '../placement.ts';
import { colourName } from './ColourButtons.tsx';

interface Props {
  contentHtml: string;
  /** Image address → object URL of its stored picture. */
  images: ReadonlyMap<string, string>;
  placed: readonly Placed[];
  container: RefObject<HTMLDivElement>;
  onOpenHighlight: (annotationId: string) => void;
}

function labelOf(item: Placed): string {
  const note = noteOf(item.annotation);
  const colour = colourName(item.annotation.colour);
  return note
    ? t('reader_highlight_with_note', [colour, note])
    : t('reader_highlight_label', colour);
}

/**
 * The saved body, sanitised by renderArticleBody, alone in its container: annotation offsets are
 * measured on the text of exactly this element. Preact renders no children here, so it never
 * touches the nodes placed by hand (the body and its highlight marks).
 */
const remoteTitle = (url: string) => t('reader_image_remote', hostOf(url));

export function ArticleBody({ contentHtml, images, placed, container, onOpenHighlight }: Props) {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const body = renderArticleBody(contentHtml, document);
    showStoredImages(body, images, remoteTitle);
    root.replaceChildren(body);
  }, [contentHtml]);
  // Pictures that arrive later are put in place; the text, and so the highlights, stay as drawn.
  useLayoutEffect(() => {
    const root = container.current;
    if (root) showStoredImages(root, images, remoteTitle);
  }, [images]);

  // Re-drawing rebuilds text nodes, which would disturb a selection the user is making, so it
  // runs only when what is drawn changes (saving the page note, say, re-reads but changes none).
  const drawn = placed
    .map(
      (item) =>
        `${item.annotation.id}:${item.annotation.colour}:${item.start}:${item.end}:${labelOf(item)}`,
    )
    .join('\n');
  // Drawn after the body effect above, also when the body was just replaced.
  useLayoutEffect(() => {
    const root = container.current;
    if (root) drawHighlights(root, placed, labelOf);
  }, [contentHtml, drawn]);

  const open = (event: Event) => {
    const id = annotationIdAt(event.target);
    if (!id) return;
    // The end of a drag that selects text across a highlight is a selection, not a click on it.
    if (event.type === 'click' && !(document.getSelection()?.isCollapsed ?? true)) return;
    event.preventDefault();
    onOpenHighlight(id);
  };
  return (
    <div
      class="article-body"
      ref={container}
      data-testid="article-body"
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') open(event);
      }}
    />
  );
}
