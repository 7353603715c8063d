import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LibraryNotReady, type LibraryReader } from '../db/read/idb.ts';
import { installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { t, uiLanguage } from '../shared/i18n.ts';
import { requestSyncPull } from '../ui/sync-pull.ts';
import { App, useInTab } from './App.tsx';
import { prefetchFirstScreen } from './first-screen.ts';
import { openLibraryReader } from './library-reader.ts';
import { readStoredListState } from '../ui/list-state.ts';

installPlatform(webExtensionPlatform);

const opening = openLibraryReader();
prefetchFirstScreen(opening, readStoredListState());
// Ask the browser to keep Margins' storage under disk pressure (it may evict it otherwise).
void navigator.storage?.persist?.().catch(() => undefined);
requestSyncPull();
const welcome = new URLSearchParams(location.search).has('welcome');

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir');
document.title = t('extName');

function useReader(): LibraryReader | Error | null {
  const [reader, setReader] = useState<LibraryReader | Error | null>(null);
  useEffect(() => {
    opening.then(setReader, (error: unknown) => {
      console.error('Margins cannot read its library', error);
      setReader(error instanceof Error ? error : new Error(String(error)));
    });
  }, []);
  return reader;
}

function Root() {
  const inTab = useInTab();
  const reader = useReader();
  // Wait to know where we are: a popup saves at once, a tab must not.
  if (inTab === null || reader === null) return null;
  if (reader instanceof Error) {
    return (
      <p class="error" role="alert">
        {reader instanceof LibraryNotReady && reader.reason === 'newer'
          ? t('error_library_newer')
          : t('error_storage_failed')}
      </p>
    );
  }
  return <App reader={reader} inTab={inTab} welcome={welcome} />;
}

const host = document.getElementById('app');
if (host) render(<Root />, host);
