import { useEffect, useState } from 'preact/hooks';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { t } from '../shared/i18n.ts';
import { ArticleList } from './components/ArticleList.tsx';
import { ExportButton } from './components/ExportButton.tsx';
import { RevisitToggle } from './components/RevisitToggle.tsx';
import { SaveStatus } from './components/SaveStatus.tsx';
import { useSaveActiveTab } from './use-save-active-tab.ts';

/**
 * The toolbar popup saves the active tab at once; the same page opened in a tab (the library
 * view, e.g. the welcome page after install) only browses.
 */
export function App({
  db,
  inTab,
  welcome,
}: {
  db: MarginsDatabase;
  inTab: boolean;
  welcome: boolean;
}) {
  const { state, undo } = useSaveActiveTab(!inTab);
  return (
    <main class={inTab ? 'library-tab' : 'popup'}>
      <header class="top">
        <h1>{t('extName')}</h1>
        <ExportButton db={db} />
      </header>
      {welcome && <p class="welcome">{t('welcome_text')}</p>}
      <SaveStatus state={state} onUndo={undo} />
      <ArticleList db={db} />
      <footer class="settings">
        <RevisitToggle />
      </footer>
    </main>
  );
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
