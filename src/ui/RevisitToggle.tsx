import { t } from '../shared/i18n.ts';
import { useAllSitesFeature } from './use-all-sites-feature.ts';

/**
 * "Show my highlights on pages I revisit". Site access is asked for only here, when the user
 * turns it on (the browser shows its own prompt), and given back when turned off unless keeping
 * images from every site still uses it (site-access.ts).
 */
export function RevisitToggle() {
  const [state, setWanted] = useAllSitesFeature('revisitHighlights');
  const change = (event: Event) =>
    void setWanted((event.currentTarget as HTMLInputElement).checked);

  return (
    <div class="revisit">
      <label>
        <input
          type="checkbox"
          checked={state === 'on'}
          disabled={state === 'unknown'}
          onChange={change}
        />{' '}
        {t('revisit_toggle')}
      </label>
      <p class="hint">{state === 'refused' ? t('revisit_refused') : t('revisit_hint')}</p>
    </div>
  );
}
