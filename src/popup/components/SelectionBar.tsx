import { plural, t } from '../../shared/i18n.ts';

interface SelectionBarProps {
  count: number;
  /** The list shows the archive: the bar offers to move the selection back to the list. */
  inArchive: boolean;
  onArchive: (archived: boolean) => void;
  onMarkRead: (read: boolean) => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done to the ticked rows together. */
export function SelectionBar(props: SelectionBarProps) {
  const label = plural('selection_count', props.count);
  return (
    <div class="selection-bar" role="toolbar" aria-label={label}>
      <span>{label}</span>
      <button
        type="button"
        class="secondary small"
        onClick={() => props.onArchive(!props.inArchive)}
      >
        {t(props.inArchive ? 'action_unarchive' : 'action_archive')}
      </button>
      <button type="button" class="secondary small" onClick={() => props.onMarkRead(true)}>
        {t('action_mark_read')}
      </button>
      <button type="button" class="secondary small" onClick={() => props.onMarkRead(false)}>
        {t('action_mark_unread')}
      </button>
      <button type="button" class="secondary small danger" onClick={props.onDelete}>
        {t('action_delete')}
      </button>
      <button type="button" class="secondary small" onClick={props.onClear}>
        {t('action_clear_selection')}
      </button>
    </div>
  );
}
