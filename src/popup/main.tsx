import { render } from 'preact';
import { openDatabase } from '../db/schema.ts';
import { t, uiLanguage } from '../shared/i18n.ts';
import { App, useInTab } from './App.tsx';

const db = openDatabase();
// Ask the browser to keep Margins' storage under disk pressure (it may evict it otherwise).
void navigator.storage?.persist?.().catch(() => undefined);
const welcome = new URLSearchParams(location.search).has('welcome');

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir');
document.title = t('extName');

function Root() {
  const inTab = useInTab();
  // Wait to know where we are: a popup saves at once, a tab must not.
  if (inTab === null) return null;
  return <App db={db} inTab={inTab} welcome={welcome} />;
}

const host = document.getElementById('app');
if (host) render(<Root />, host);
