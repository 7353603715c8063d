/**
 * Keeps the revisit script registered exactly while the user wants it and grants site access
 * for it: the grant can change from Margins' toggle or from the browser's own extension
 * settings, and the same access may be held for keeping images from every site alone.
 */
import { browser } from '../platform/browser.ts';
import { REVISIT_ORIGINS, REVISIT_SCRIPT_FILE, REVISIT_SCRIPT_ID } from '../shared/revisit.ts';
import { allSitesFeatureOn } from '../shared/site-access.ts';

export async function syncRevisitScript(): Promise<boolean> {
  const granted = await allSitesFeatureOn('revisitHighlights');
  const registered = await browser.scripting.getRegisteredContentScripts({
    ids: [REVISIT_SCRIPT_ID],
  });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: REVISIT_SCRIPT_ID,
        matches: REVISIT_ORIGINS,
        js: [REVISIT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [REVISIT_SCRIPT_ID] });
  }
  return granted;
}
