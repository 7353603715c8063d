import type { ArticleCard } from '../../db/derived.ts';
import { browser } from '../../platform/browser.ts';
import { plural, t, uiLanguage } from '../../shared/i18n.ts';
import { metaLineOf } from '../../shared/format.ts';
import { Marked } from './Marked.tsx';

interface Props {
  card: ArticleCard;
  position: number;
  total: number;
  rowHeight: number;
  query: string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onEdit: () => void;
  onArchive: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

/**
 * One saved article: the title opens the saved copy in the reader, "Source" the original page;
 * it can be selected, corrected, archived or deleted.
 */
export function ArticleRow(props: Props) {
  const { card, query } = props;
  const title = card.title || card.url;
  return (
    <li
      class={`article${card.read ? ' read' : ''}`}
      data-article-id={card.id}
      aria-posinset={props.position + 1}
      aria-setsize={props.total}
      style={{ top: `${props.position * props.rowHeight}px`, height: `${props.rowHeight}px` }}
    >
      <div class="row-marks">
        <input
          type="checkbox"
          class="select"
          checked={props.selected}
          aria-label={t('action_select', title)}
          onChange={(event) => props.onSelect(event.currentTarget.checked)}
        />
        {!card.read && (
          <span
            class="unread-dot"
            role="img"
            aria-label={t('label_unread')}
            title={t('label_unread')}
          />
        )}
      </div>
      <div class="article-main">
        <a
          class="article-title"
          href={browser.runtime.getURL(`reader.html?id=${encodeURIComponent(card.id)}`)}
          target="_blank"
          title={t('action_open_reader')}
        >
          <Marked text={title} query={query} />
        </a>
        <p class="meta">
          <Marked text={metaLineOf(card, uiLanguage())} query={query} />
          {card.kind === 'link' && <span class="tag-link">{t('label_link_only')}</span>}
          {card.edited && <span class="tag-edited">{t('label_edited')}</span>}
        </p>
        <p class="item-links">
          <a
            class="article-source"
            href={card.url}
            target="_blank"
            rel="noopener noreferrer"
            title={t('action_open_source')}
          >
            {t('label_source')}
          </a>
          {card.highlightCount !== undefined && card.highlightCount > 0 && (
            <span class="highlight-count">{plural('label_highlights', card.highlightCount)}</span>
          )}
          {card.tags.map((tag) => (
            <button
              type="button"
              class="tag-chip"
              key={tag}
              title={t('action_filter_tag', tag)}
              onClick={() => props.onTag(tag)}
            >
              <Marked text={tag} query={query} />
            </button>
          ))}
        </p>
      </div>
      <div class="row-actions">
        <button type="button" class="secondary small edit" onClick={props.onEdit}>
          {t('action_edit')}
        </button>
        <button
          type="button"
          class="secondary small archive"
          aria-label={t(card.archived ? 'action_unarchive_one' : 'action_archive_one', title)}
          title={t(card.archived ? 'action_unarchive_one' : 'action_archive_one', title)}
          onClick={props.onArchive}
        >
          {t(card.archived ? 'action_unarchive' : 'action_archive')}
        </button>
        <button
          type="button"
          class="secondary small delete"
          aria-label={t('action_delete_one', title)}
          title={t('action_delete_one', title)}
          onClick={props.onDelete}
        >
          {t('action_delete')}
        </button>
      </div>
    </li>
  );
}
