import { useEffect, useState } from 'preact/hooks';
import { articlesForExport } from '../db/export-stream.ts';
import { pictureReader } from '../db/image-transfer.ts';
import { LibraryReader, openForReading } from '../db/read/idb.ts';
import { cardsFor, listKeys, NO_FILTER } from '../db/read/list.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import {
  EXPORT_FORMATS,
  exportFileNameFor,
  exportToBlob,
  type ExportFormatId,
  type ExportLabels,
} from '../export/index.ts';
import { formatCount, plural, t } from '../shared/i18n.ts';
import { readStoredListState } from '../ui/list-state.ts';
import { downloadBlob } from '../ui/download.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';
import { exportFormatKey } from './message-keys.ts';
import { ProgressView } from './ProgressView.tsx';

type Step =
  | { step: 'idle' }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; fileName: string; count: number }
  | { step: 'failed' };

/** The words export files put in front of their reader, in the user's language. */
function exportLabels(): ExportLabels {
  return {
    highlights: t('export_label_highlights'),
    pageNote: t('export_label_page_note'),
    index: t('extName'),
    bookmarks: t('export_label_bookmarks'),
    bookmarksFolder: t('extName'),
    annotationCollection: t('export_label_annotation_collection'),
  };
}

/**
 * The articles the library list shows now, when its search or filters narrow it; null when it
 * shows the whole main list (then "the whole library" says it all). Kept current: an import on
 * this page may add to them.
 */
function useListedArticleIds(): string[] | null {
  const listed = useLiveQuery(
    ['cards', 'postings'],
    async () => {
      const { text, filter, sort } = readStoredListState();
      if (!text.trim() && JSON.stringify(filter) === JSON.stringify(NO_FILTER)) return null;
      const reader = new LibraryReader(await openForReading());
      try {
        const cards = await cardsFor(reader, await listKeys(reader, { text, filter, sort }));
        return cards.map((card) => card.id);
      } finally {
        reader.close();
      }
    },
    [],
  );
  useEffect(() => {
    if (listed.status === 'failed') console.warn('Margins could not read the list', listed.error);
  }, [listed]);
  return listed.status === 'ready' ? listed.value : null;
}

/**
 * Choose a format and export the whole collection, or what the library list shows. The articles are read a few hundred at a
 * time and written into the file as they come (articlesForExport, exportToBlob).
 */
export function ExportSection({ db }: { db: MarginsDatabase }) {
  const [formatId, setFormatId] = useState<ExportFormatId>('margins-json');
  // Null until the user ticks or unticks "Include images": then each format's own default.
  const [imagesChosen, setImagesChosen] = useState<boolean | null>(null);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const listed = useListedArticleIds();
  const [onlyListed, setOnlyListed] = useState(false);

  const selected = EXPORT_FORMATS.find((candidate) => candidate.id === formatId);
  const canCarryImages = selected?.imagesByDefault !== undefined;
  const includeImages = canCarryImages && (imagesChosen ?? selected?.imagesByDefault === true);

  const start = async () => {
    const format = selected;
    if (!format) return;
    const now = new Date();
    try {
      const articleIds = onlyListed && listed ? listed : undefined;
      const total = articleIds ? articleIds.length : await db.articles.count();
      setState({ step: 'writing', done: 0, total });
      let shown = 0;
      const blob = await exportToBlob(
        format,
        articlesForExport(db, { articleIds, images: includeImages }),
        {
          now,
          labels: exportLabels(),
          ...(includeImages ? { pictures: pictureReader(db) } : {}),
        },
        ({ articles }) => {
          // One update per hundred articles keeps the page (and screen readers) calm.
          if (articles - shown < 100) return;
          shown = articles;
          setState({ step: 'writing', done: articles, total });
        },
      );
      const fileName = exportFileNameFor(format, now);
      downloadBlob(blob, fileName);
      setState({ step: 'done', fileName, count: total });
    } catch (error) {
      console.error('Margins could not export the collection', error);
      setState({ step: 'failed' });
    }
  };

  const busy = state.step === 'writing';
  return (
    <section class="transfer-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('transfer_export_heading')}</h2>
      <p>{t('transfer_export_intro')}</p>
      <fieldset class="choices" disabled={busy}>
        <legend>{t('transfer_export_format')}</legend>
        {EXPORT_FORMATS.map((format) => (
          <div class="choice-row" key={format.id}>
            <label class="choice">
              <input
                type="radio"
                name="export-format"
                value={format.id}
                checked={format.id === formatId}
                onChange={() => setFormatId(format.id)}
                aria-describedby={`format-hint-${format.id}`}
              />
              {t(exportFormatKey(format.id))}
            </label>
            <p class="hint" id={`format-hint-${format.id}`}>
              {t(`${exportFormatKey(format.id)}_hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      {canCarryImages ? (
        <div class="choice-row">
          <label class="choice">
            <input
              type="checkbox"
              name="export-images"
              checked={includeImages}
              disabled={busy}
              onChange={(event) => setImagesChosen(event.currentTarget.checked)}
              aria-describedby="export-images-hint"
            />
            {t('transfer_export_images')}
          </label>
          <p class="hint" id="export-images-hint">
            {t('transfer_export_images_hint')}
          </p>
        </div>
      ) : null}
      {listed ? (
        <fieldset class="choices" disabled={busy}>
          <legend>{t('transfer_export_scope_legend')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="export-scope"
              value="all"
              checked={!onlyListed}
              onChange={() => setOnlyListed(false)}
            />
            {t('transfer_export_scope_all')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="export-scope"
              value="listed"
              checked={onlyListed}
              onChange={() => setOnlyListed(true)}
            />
            {plural('transfer_export_scope_listed', listed.length)}
          </label>
        </fieldset>
      ) : (
        <p class="muted">{t('transfer_export_scope')}</p>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void start()}>
          {t('transfer_export_button')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="export-status">
        {state.step === 'writing' ? (
          <ProgressView
            fraction={state.total > 0 ? state.done / state.total : null}
            name={t('transfer_export_progress_name')}
            label={t('transfer_export_progress', [
              formatCount(state.done),
              formatCount(state.total),
            ])}
          />
        ) : null}
        {state.step === 'done' ? (
          <p class="summary ok">
            {plural('transfer_export_done', state.count)} <code>{state.fileName}</code>
          </p>
        ) : null}
        {state.step === 'failed' ? (
          <p class="summary error">{t('transfer_export_failed')}</p>
        ) : null}
      </div>
    </section>
  );
}
