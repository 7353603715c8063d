import type { ListFilter, ReadFilter, SortOrder } from '../../db/read/list.ts';
import { t } from '../../shared/i18n.ts';
import type { ListState } from '../../ui/list-state.ts';

interface Props {
  state: ListState;
  tags: string[];
  sites: string[];
  onChange: (change: Partial<ListState>) => void;
}

const READ_OPTIONS: [ReadFilter, string][] = [
  ['all', 'filter_read_all'],
  ['unread', 'filter_read_unread'],
  ['read', 'filter_read_read'],
];

/** The search box, then the filters and sort order, all applied as the user changes them. */
export function ListControls({ state, tags, sites, onChange }: Props) {
  const setFilter = (change: Partial<ListFilter>) =>
    onChange({ filter: { ...state.filter, ...change }, scrollTop: 0 });
  return (
    <div class="list-controls">
      <label class="visually-hidden" for="search">
        {t('search_label')}
      </label>
      <input
        id="search"
        type="search"
        class="search"
        placeholder={t('search_placeholder')}
        value={state.text}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onChange({ text: event.currentTarget.value, scrollTop: 0 })}
      />
      <fieldset class="filters">
        <legend class="visually-hidden">{t('filters_heading')}</legend>
        <select
          aria-label={t('filter_tag')}
          value={state.filter.tag ?? ''}
          onChange={(event) => setFilter({ tag: event.currentTarget.value || null })}
        >
          <option value="">{t('filter_tag_any')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filter_site')}
          value={state.filter.site ?? ''}
          onChange={(event) => setFilter({ site: event.currentTarget.value || null })}
        >
          <option value="">{t('filter_site_any')}</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filter_read')}
          value={state.filter.read}
          onChange={(event) =>
            setFilter({
              read:
                READ_OPTIONS.find(([value]) => value === event.currentTarget.value)?.[0] ?? 'all',
            })
          }
        >
          {READ_OPTIONS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('sort_label')}
          value={state.sort}
          onChange={(event) =>
            onChange({
              sort: (event.currentTarget.value === 'published'
                ? 'published'
                : 'saved') as SortOrder,
              scrollTop: 0,
            })
          }
        >
          <option value="saved">{t('sort_saved')}</option>
          <option value="published">{t('sort_published')}</option>
        </select>
        <label class="check">
          <input
            type="checkbox"
            checked={state.filter.withHighlights}
            onChange={(event) => setFilter({ withHighlights: event.currentTarget.checked })}
          />
          {t('filter_highlights')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={state.filter.archived}
            onChange={(event) => setFilter({ archived: event.currentTarget.checked })}
          />
          {t('filter_archive')}
        </label>
      </fieldset>
    </div>
  );
}
