import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import {
  allSitesFeatureOn,
  holdsAllSites,
  turnOffAllSitesFeature,
  turnOnAllSitesFeature,
} from '../shared/site-access.ts';

type ToggleState = 'unknown' | 'on' | 'off' | 'refused';

/**
 * "Show my highlights on pages I revisit". Site access is asked for only here, when the user
 * turns it on (the browser shows its own prompt), and given back when turned off unless keeping
 * images from every site still uses it (site-access.ts).
 */
export function RevisitToggle() {
  const [state, setState] = useState<ToggleState>('unknown');
  const [held, setHeld] = useState(false);
  useEffect(() => {
    Promise.all([allSitesFeatureOn('revisitHighlights'), holdsAllSites()]).then(
      ([on, granted]) => {
        setState(on ? 'on' : 'off');
        setHeld(granted);
      },
      () => setState('off'),
    );
  }, []);

  const change = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    if (wanted) {
      // Asks in the click's own task: browsers only ask for permissions on a user gesture.
      const granted = await turnOnAllSitesFeature('revisitHighlights', held);
      setState(granted ? 'on' : 'refused');
      setHeld(held || granted);
    } else {
      await turnOffAllSitesFeature('revisitHighlights');
      setState('off');
      setHeld(await holdsAllSites());
    }
  };

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
