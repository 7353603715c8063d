// Why: the reader's entry only wires things up; reader.html?id=ARTICLE_ID names the article.
import { render } from 'preact';
import { openDatabase } from '../db/schema.ts';
import { installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { t, uiLanguage } from '../shared/i18n.ts';
import { requestSyncPull } from '../ui/sync-pull.ts';
import { NoArticle, ReaderApp } from './components/ReaderApp.tsx';
import { StatusProvider } from './status.tsx';

installPlatform(webExtensionPlatform);

// What was changed on other devices since the last sync shows up while the article is read.
requestSyncPull();

const articleId = new URLSearchParams(location.search).get('id');

// Margins' own words are in the UI language; the article element carries the article's.
document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir');
document.title = t('extName');

const host = document.getElementById('app');
if (host) {
  render(
    <StatusProvider>
      {articleId ? <ReaderApp db={openDatabase()} articleId={articleId} /> : <NoArticle />}
    </StatusProvider>,
    host,
  );
}
