/**
 * The state of a checkbox for a feature that needs site access to every site (showing
 * highlights on revisited pages, keeping images from every site): read once, turned on with the
 * browser's prompt, turned off giving the access back unless the other feature uses it
 * (shared/site-access.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  allSitesFeatureOn,
  holdsAllSites,
  turnOffAllSitesFeature,
  turnOnAllSitesFeature,
  type AllSitesFeature,
} from '../shared/site-access.ts';

export type AllSitesFeatureState = 'unknown' | 'on' | 'off' | 'refused';

export function useAllSitesFeature(
  feature: AllSitesFeature,
): [AllSitesFeatureState, (wanted: boolean) => Promise<void>] {
  const [state, setState] = useState<AllSitesFeatureState>('unknown');
  const [held, setHeld] = useState(false);
  useEffect(() => {
    Promise.all([allSitesFeatureOn(feature), holdsAllSites()]).then(
      ([on, granted]) => {
        setState(on ? 'on' : 'off');
        setHeld(granted);
      },
      () => setState('off'),
    );
  }, [feature]);

  const change = async (wanted: boolean) => {
    if (wanted) {
      // Asks in the click's own task: browsers only ask for permissions on a user gesture.
      const granted = await turnOnAllSitesFeature(feature, held);
      setState(granted ? 'on' : 'refused');
      setHeld(held || granted);
    } else {
      await turnOffAllSitesFeature(feature);
      setState('off');
      setHeld(await holdsAllSites());
    }
  };
  return [state, change];
}
