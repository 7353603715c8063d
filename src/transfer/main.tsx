// Why: the import and export page's entry only wires things up; TransferApp holds the page.
import { render } from 'preact';
import { openDatabase } from '../db/schema.ts';
import { installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { t, uiLanguage } from '../shared/i18n.ts';
import { TransferApp } from './TransferApp.tsx';

installPlatform(webExtensionPlatform);

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir');
document.title = t('transfer_title');

const host = document.getElementById('app');
if (host) render(<TransferApp db={openDatabase()} />, host);
