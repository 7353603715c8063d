import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser.ts';
import { t } from '../shared/i18n.ts';
import { REVISIT_ORIGINS } from '../shared/revisit.ts';

type ToggleState = 'unknown' | 'on' | 'off' | 'refused';

/**
 * "Show my highlights on pages I revisit". Site access is asked for only here, when the user
 * turns it on (the browser shows its own prompt), and given back when turned off.
 */
export function RevisitToggle() {
  const [state, setState] = useState<ToggleState>('unknown');
  useEffect(() => {
    browser.permissions.contains({ origins: REVISIT_ORIGINS }).then(
      (granted) => setState(granted ? 'on' : 'off'),
      () => setState('off'),
    );
  }, []);

  const change = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    if (wanted) {
      // Must run in the click's own task: browsers only ask for permissions on a user gesture.
      const granted = await browser.permissions.request({ origins: REVISIT_ORIGINS });
      setState(granted ? 'on' : 'refused');
    } else {
      await browser.permissions.remove({ origins: REVISIT_ORIGINS });
      setState('off');
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
