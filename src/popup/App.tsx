import { useEffect, useState } from 'preact/hooks';
import type { LibraryReader } from '../db/read/idb.ts';
import { browser } from '../platform/browser.ts';
import { t } from '../shared/i18n.ts';
import { DEFAULT_SETTINGS, readSettings, type ToolbarAction } from '../shared/settings.ts';
import { ExportButton } from './components/ExportButton.tsx';
import { Library } from './components/Library.tsx';
import { RevisitToggle } from '../ui/RevisitToggle.tsx';
import { SaveStatus } from './components/SaveStatus.tsx';
import { SyncState } from './components/SyncState.tsx';
import { FetchState } from './components/FetchState.tsx';
import { useSaveActiveTab } from './use-save-active-tab.ts';

/**
 * The toolbar popup saves the active tab at once (unless the user chose, in the settings, that the
 * toolbar button only opens the list: then it offers a "Save this page" button); the same page
 * opened in a tab (the library view, e.g. the welcome page after install) only browses.
 */
export function App({
  reader,
  inTab,
  welcome,
}: {
  reader: LibraryReader;
  inTab: boolean;
  welcome: boolean;
}) {
  const toolbarAction = useToolbarAction(!inTab);
  // Wait for the setting before anything is saved: the user may have turned saving on open off.
  if (toolbarAction === null) return null;
  return <Shell reader={reader} inTab={inTab} welcome={welcome} toolbarAction={toolbarAction} />;
}

function Shell({
  reader,
  inTab,
  welcome,
  toolbarAction,
}: {
  reader: LibraryReader;
  inTab: boolean;
  welcome: boolean;
  toolbarAction: ToolbarAction;
}) {
  const { state, save, undo } = useSaveActiveTab(!inTab && toolbarAction === 'save');
  const offerSave = !inTab && toolbarAction === 'open-list' && state.phase === 'idle';
  return (
    <main class={inTab ? 'library-tab' : 'popup'}>
      <header class="top">
        <h1>{t('extName')}</h1>
        <ExportButton />
      </header>
      {welcome && <p class="welcome">{t('welcome_text')}</p>}
      {offerSave && (
        <p class="save-now">
          <button type="button" onClick={save} data-testid="save-page">
            {t('options_action_save_page')}
          </button>
        </p>
      )}
      <SaveStatus state={state} onUndo={undo} reader={reader} />
      <Library reader={reader} />
      <footer class="settings">
        <RevisitToggle />
        <SyncState />
        <FetchState />
        <p class="settings-link">
          <a
            href={browser.runtime.getURL('options.html')}
            onClick={(event) => {
              event.preventDefault();
              void browser.runtime.openOptionsPage();
            }}
          >
            {t('options_link_settings')}
          </a>
        </p>
        <p class="settings-link">
          <a href={browser.runtime.getURL('transfer.html')} target="_blank">
            {t('action_open_transfer')}
          </a>
        </p>
      </footer>
    </main>
  );
}

/** What the toolbar button should do, read from the settings; null while it is being read. */
function useToolbarAction(needed: boolean): ToolbarAction | null {
  const [action, setAction] = useState<ToolbarAction | null>(
    needed ? null : DEFAULT_SETTINGS.toolbarAction,
  );
  useEffect(() => {
    if (!needed) return;
    readSettings().then(
      (settings) => setAction(settings.toolbarAction),
      () => setAction(DEFAULT_SETTINGS.toolbarAction),
    );
  }, [needed]);
  return action;
}

/** Whether this page runs in a browser tab rather than in the toolbar popup. */
export function useInTab(): boolean | null {
  const [inTab, setInTab] = useState<boolean | null>(null);
  useEffect(() => {
    browser.tabs.getCurrent().then(
      (tab) => setInTab(tab !== undefined),
      () => setInTab(false),
    );
  }, []);
  return inTab;
}
