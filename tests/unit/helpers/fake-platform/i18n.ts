import type { I18n } from '../../../../src/platform/platform.ts';
import { fillMessage, LOCALES, readCatalogue } from '../catalogue.ts';

const DEFAULT_LOCALE = 'en';
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/**
 * The browser's message lookup over the extension's real catalogues: the UI language's
 * messages, then its base language's, then the default locale's; '' for an unknown key. So a
 * test sees the sentences a user reads, and a missing key shows as one.
 */
export class FakeI18n implements I18n {
  constructor(
    private readonly language: string,
    private readonly extensionId: string,
  ) {}

  getMessage(key: string, substitutions?: string | string[]): string {
    const locale = this.language.replace('-', '_');
    const base = locale.split('_')[0] ?? DEFAULT_LOCALE;
    switch (key) {
      case '@@ui_locale':
        return locale;
      case '@@extension_id':
        return this.extensionId;
      case '@@bidi_dir':
        return RIGHT_TO_LEFT.has(base) ? 'rtl' : 'ltr';
    }
    const entry = [locale, base, DEFAULT_LOCALE]
      .filter((name) => LOCALES.includes(name))
      .map((name) => readCatalogue(name)[key])
      .find((found) => found !== undefined);
    return entry ? fillMessage(entry, [substitutions ?? []].flat()) : '';
  }

  getUILanguage(): string {
    return this.language;
  }
}
