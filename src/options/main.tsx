// Why: the options page's entry only wires things up; OptionsApp holds the page.
import { render } from 'preact';
import { installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { t, uiLanguage } from '../shared/i18n.ts';
import { OptionsApp } from './OptionsApp.tsx';

installPlatform(webExtensionPlatform);

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir');
document.title = t('options_title');

const host = document.getElementById('app');
if (host) render(<OptionsApp />, host);
