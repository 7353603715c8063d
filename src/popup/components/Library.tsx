import { useState } from 'preact/hooks';
import type { LibraryReader } from '../../db/read/idb.ts';
import { cardsFor, listFacets, listKeys, NO_FILTER } from '../../db/read/list.ts';
import type { ExportedArticle } from '../../shared/export-format.ts';
import { errorMessage, plural, t } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { MarginsError } from '../../shared/protocol.ts';
import { ROW_HEIGHT, takePrefetchedKeys, takePrefetchedRows } from '../first-screen.ts';
import { useListState } from '../../ui/list-state.ts';
import { ArticleRow } from './ArticleRow.tsx';
import { EditPanel } from './EditPanel.tsx';
import { ListControls } from './ListControls.tsx';
import { ListNotice, type Notice } from './ListNotice.tsx';
import { LoadingLibrary } from './LoadingLibrary.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { VirtualList } from './VirtualList.tsx';
import { useLiveQuery } from '../../ui/use-live-query.ts';

function failureText(error: unknown): string {
  return error instanceof MarginsError ? errorMessage(error.code) : t('error_unknown');
}

/**
 * The collection: search box, filters, a windowed list of the matching articles, and actions on
 * one article or a selection (archive, mark read, delete with undo).
 */
export function Library({ reader }: { reader: LibraryReader }) {
  const [state, update] = useListState();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { text, filter, sort } = state;
  const keys = useLiveQuery(
    ['cards', 'postings'],
    () => takePrefetchedKeys({ text, filter, sort }) ?? listKeys(reader, { text, filter, sort }),
    [reader, text, JSON.stringify(filter), sort],
  );
  const total = useLiveQuery(['cards'], () => reader.count('cards'), [reader]);
  const facets = useLiveQuery(['cards'], () => listFacets(reader), [reader]);

  const act = async (action: () => Promise<Notice | null>) => {
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ kind: 'error', text: failureText(error) });
    }
  };
  const archive = (articleIds: string[], archived: boolean) =>
    act(async () => {
      const { changed } = await request({ type: 'set-archived', articleIds, archived });
      setSelected(new Set());
      return {
        kind: 'done',
        text: plural(archived ? 'status_archived' : 'status_unarchived', changed),
      };
    });
  const markRead = (articleIds: string[], read: boolean) =>
    act(async () => {
      await request({ type: 'set-read', articleIds, read });
      setSelected(new Set());
      return null;
    });
  const remove = (articleIds: string[]) =>
    act(async () => {
      const { deleted } = await request({ type: 'delete-articles', articleIds });
      setSelected(new Set());
      if (editing && articleIds.includes(editing)) setEditing(null);
      return { kind: 'deleted', articles: deleted };
    });
  const undoDelete = (articles: ExportedArticle[]) =>
    act(async () => {
      const { restored } = await request({ type: 'restore-articles', articles });
      return { kind: 'done', text: plural('status_restored', restored) };
    });

  if (keys.status === 'failed' || total.status === 'failed') {
    return (
      <p class="error" role="alert">
        {t('error_storage_failed')}
      </p>
    );
  }
  if (keys.status === 'loading' || total.status === 'loading') {
    return <LoadingLibrary />;
  }
  if (total.value === 0 && notice?.kind !== 'deleted') {
    return (
      <div class="empty">
        <p class="empty-title">{t('empty_title')}</p>
        <p class="muted">{t('empty_hint')}</p>
      </div>
    );
  }
  const shown = keys.value;
  const filtering = text.trim() !== '' || JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const selection = [...selected];
  return (
    <section aria-labelledby="library-heading" class="library">
      <ListControls
        state={state}
        tags={facets.status === 'ready' ? facets.value.tags : []}
        sites={facets.status === 'ready' ? facets.value.sites : []}
        onChange={update}
      />
      <h2 id="library-heading" class="section-heading">
        {filtering
          ? plural('results_count', shown.length)
          : t('library_heading', String(total.value))}
      </h2>
      <ListNotice notice={notice} onUndoDelete={(articles) => void undoDelete(articles)} />
      {selection.length > 0 && (
        <SelectionBar
          count={selection.length}
          inArchive={filter.archived}
          onArchive={(archived) => void archive(selection, archived)}
          onMarkRead={(read) => void markRead(selection, read)}
          onDelete={() => void remove(selection)}
          onClear={() => setSelected(new Set())}
        />
      )}
      {editing && (
        <EditPanel
          reader={reader}
          articleId={editing}
          allTags={facets.status === 'ready' ? facets.value.tags : []}
          onClose={() => {
            const id = editing;
            setEditing(null);
            // Give focus back where the user started, so the keyboard path stays unbroken.
            requestAnimationFrame(() =>
              document
                .querySelector<HTMLElement>(`[data-article-id="${CSS.escape(id)}"] .edit`)
                ?.focus(),
            );
          }}
        />
      )}
      {shown.length === 0 ? (
        <div class="empty">
          <p class="empty-title">{t('no_results')}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => update({ text: '', filter: NO_FILTER, scrollTop: 0 })}
          >
            {t('action_clear_search')}
          </button>
        </div>
      ) : (
        <VirtualList
          key={`${text}|${JSON.stringify(filter)}|${sort}`}
          count={shown.length}
          rowHeight={ROW_HEIGHT}
          initialScrollTop={state.scrollTop}
          onScroll={(scrollTop) => update({ scrollTop })}
          label={t('library_list_label')}
        >
          {(start, end) => (
            <Rows
              reader={reader}
              keys={shown.slice(start, end)}
              start={start}
              total={shown.length}
              query={text}
              selected={selected}
              onSelect={(id, on) => {
                const next = new Set(selected);
                if (on) next.add(id);
                else next.delete(id);
                setSelected(next);
              }}
              onEdit={setEditing}
              onArchive={(id, archived) => void archive([id], archived)}
              onDelete={(id) => void remove([id])}
              onTag={(tag) => update({ filter: { ...filter, tag }, scrollTop: 0 })}
            />
          )}
        </VirtualList>
      )}
    </section>
  );
}

interface RowsProps {
  reader: LibraryReader;
  keys: number[];
  start: number;
  total: number;
  query: string;
  selected: ReadonlySet<string>;
  onSelect: (articleId: string, selected: boolean) => void;
  onEdit: (articleId: string) => void;
  onArchive: (articleId: string, archived: boolean) => void;
  onDelete: (articleId: string) => void;
  onTag: (tag: string) => void;
}

/** The rows on screen: only their cards are read. */
function Rows(props: RowsProps) {
  const cards = useLiveQuery(
    ['cards'],
    () => takePrefetchedRows(props.keys) ?? cardsFor(props.reader, props.keys),
    [props.reader, props.keys.join(',')],
  );
  if (cards.status !== 'ready') return null;
  const byKey = new Map(cards.value.map((card) => [card.key, card]));
  return (
    <>
      {props.keys.map((key, offset) => {
        const card = byKey.get(key);
        if (!card) return null;
        return (
          <ArticleRow
            key={key}
            card={card}
            position={props.start + offset}
            total={props.total}
            rowHeight={ROW_HEIGHT}
            query={props.query}
            selected={props.selected.has(card.id)}
            onSelect={(on) => props.onSelect(card.id, on)}
            onEdit={() => props.onEdit(card.id)}
            onArchive={() => props.onArchive(card.id, !card.archived)}
            onDelete={() => props.onDelete(card.id)}
            onTag={props.onTag}
          />
        );
      })}
    </>
  );
}
