import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Annotation, HighlightColour } from '../../shared/annotation.ts';
import { articleTextOf } from '../../shared/article-body.ts';
import { describeRange } from '../../shared/anchoring/index.ts';
import type { ArticleRecord } from '../../shared/article.ts';
import { t } from '../../shared/i18n.ts';
import { DEFAULT_SETTINGS, readSettings } from '../../shared/settings.ts';
import { createHighlight, saveArticleTags, updateHighlight } from '../actions.ts';
import { firstMarkOf } from '../marks.ts';
import { placeAnnotations } from '../placement.ts';
import { isTyping } from '../selection.ts';
import { useAnnounce } from '../status.tsx';
import { useArticleSelection } from '../use-article-selection.ts';
import { AnnotationList } from './AnnotationList.tsx';
import { ArticleBody } from './ArticleBody.tsx';
import { ArticleHeader } from './ArticleHeader.tsx';
import { ImagesNote } from './ImagesNote.tsx';
import type { ArticleImagesView } from '../use-article-images.ts';
import { HighlightEditor } from './HighlightEditor.tsx';
import { PageNote } from './PageNote.tsx';
import { SelectionToolbar } from './SelectionToolbar.tsx';
import { TagEditor } from '../../ui/TagEditor.tsx';

/** Where a popover goes: under the highlight's first mark, in page coordinates. */
function below(element: Element): { top: number; left: number } {
  const rect = element.getBoundingClientRect();
  return { top: rect.bottom + window.scrollY, left: rect.left + window.scrollX };
}

/** The colour chosen in the settings for new highlights (yellow until it has been read). */
function useDefaultColour(): HighlightColour {
  const [colour, setColour] = useState<HighlightColour>(DEFAULT_SETTINGS.defaultHighlightColour);
  useEffect(() => {
    readSettings().then(
      (settings) => setColour(settings.defaultHighlightColour),
      () => undefined,
    );
  }, []);
  return colour;
}

/** A saved article with its highlights, the side panel, and the popovers that edit them. */
export function ReaderView({
  article,
  annotations,
  allTags,
  images,
}: {
  article: ArticleRecord;
  /** Its images and the pictures stored of them. */
  images: ArticleImagesView;
  annotations: Annotation[];
  /** Every tag in the library, offered as completions. */
  allTags: string[];
}) {
  const announce = useAnnounce();
  const container = useRef<HTMLDivElement>(null);
  // The text every selector is measured on: the sanitised body, exactly as rendered below.
  const text = useMemo(() => articleTextOf(article.contentHtml, document), [article.contentHtml]);
  const placement = useMemo(() => placeAnnotations(text, annotations), [text, annotations]);
  const selection = useArticleSelection(container, text);
  const [noteFirst, setNoteFirst] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = placement.placed.find((item) => item.annotation.id === editingId);
  const defaultColour = useDefaultColour();

  const highlight = async (colour: HighlightColour, note = '') => {
    const chosen = selection.current ?? selection.last;
    if (!chosen) return;
    const selector = describeRange(text, chosen.start, chosen.end);
    if (await createHighlight(announce, article.id, selector, colour, note)) {
      selection.clear(true);
      setNoteFirst(false);
    }
  };
  const attach = async (orphan: Annotation) => {
    if (!selection.last) return;
    const selector = describeRange(text, selection.last.start, selection.last.end);
    if (await updateHighlight(announce, orphan.id, { selector })) selection.clear(true);
  };
  const open = (annotationId: string) => {
    selection.clear(false);
    firstMarkOf(container.current ?? document.body, annotationId)?.scrollIntoView({
      block: 'center',
    });
    setEditingId(annotationId);
  };
  const closeEditor = () => {
    // Focus goes back to the highlight at once: its mark stays in place while the editor closes.
    if (editingId) firstMarkOf(container.current ?? document.body, editingId)?.focus();
    setEditingId(null);
  };

  // Selecting new text means the user moved on from the highlight being edited.
  useEffect(() => {
    if (selection.current) setEditingId(null);
  }, [selection.current]);

  // Shortcuts for the selection: "h" highlights it, "n" adds a note, "t" goes to the toolbar.
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key === 'Escape') {
      selection.clear(false);
      if (editingId) closeEditor();
    }
    if (!selection.current) return;
    if (event.key === 'h') void highlight(defaultColour);
    if (event.key === 'n') setNoteFirst(true);
    // Focusing a toolbar button leaves the document selection as it is.
    if (event.key === 't') document.querySelector<HTMLElement>('[role=toolbar] button')?.focus();
  };
  // Subscribed once and reading the latest handler: a listener re-subscribed by useEffect after
  // each render would, until the effect runs, still see the state before the selection was made.
  const latestOnKey = useRef(onKey);
  latestOnKey.current = onKey;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latestOnKey.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const editorAt =
    editing && container.current ? firstMarkOf(container.current, editing.annotation.id) : null;
  return (
    <main class="reader-layout">
      <article
        class="reader-article"
        lang={article.lang ?? undefined}
        dir={article.dir ?? undefined}
      >
        <ArticleHeader article={article} />
        <ImagesNote articleId={article.id} row={images.row} />
        <ArticleBody
          contentHtml={article.contentHtml}
          images={images.shown}
          placed={placement.placed}
          container={container}
          onOpenHighlight={open}
        />
      </article>
      <aside class="reader-panel" aria-label={t('reader_panel_label')}>
        <PageNote key={article.id} article={article} />
        <TagEditor
          key={article.id}
          inputId="tag-input"
          stored={article}
          suggestions={allTags}
          onSave={(tags) => saveArticleTags(announce, article.id, tags)}
        />
        <AnnotationList
          placement={placement}
          canAttach={selection.last !== null}
          onOpen={open}
          onAttach={(orphan) => void attach(orphan)}
        />
        <p class="hint shortcuts">{t('reader_shortcuts_hint')}</p>
      </aside>
      {selection.current && !editing && (
        <SelectionToolbar
          key={`${selection.current.start}-${selection.current.end}-${noteFirst}`}
          top={selection.current.top}
          left={selection.current.left}
          noteFirst={noteFirst}
          defaultColour={defaultColour}
          onHighlight={(colour) => void highlight(colour)}
          onNote={(note) => void highlight(defaultColour, note)}
          onClose={() => {
            setNoteFirst(false);
            selection.clear(false);
          }}
        />
      )}
      {editing && editorAt && (
        <HighlightEditor
          annotation={editing.annotation}
          {...below(editorAt)}
          onClose={closeEditor}
        />
      )}
    </main>
  );
}
