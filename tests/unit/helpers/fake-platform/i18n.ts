import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { I18n } from '../../../../src/platform/platform.ts';
import { ROOT } from './manifest.ts';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalogue = Record<string, Message>;

const LOCALES = join(ROOT, 'public/_locales');
const DEFAULT_LOCALE = 'en';
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

const catalogues = new Map<string, Catalogue | null>();

/** One locale's messages.json, with placeholder names lower-cased as the browser matches them. */
function catalogue(locale: string): Catalogue | null {
  if (!catalogues.has(locale)) {
    const exists = readdirSync(LOCALES).includes(locale);
    const raw = exists
      ? (JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Catalogue)
      : null;
    catalogues.set(locale, raw);
  }
  return catalogues.get(locale) ?? null;
}

/** `$NAME$` → the placeholder's content; then `$1`…`$9` → the substitutions, `$$` → `$`. */
function substitute(message: Message, substitutions: string[]): string {
  const placeholders = new Map(
    Object.entries(message.placeholders ?? {}).map(([name, { content }]) => [
      name.toLowerCase(),
      content,
    ]),
  );
  const named = message.message.replace(
    /\$([a-zA-Z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

/**
 * The browser's message lookup over the extension's real catalogues (public/_locales): the UI
 * language's messages, then its base language's, then the default locale's; '' for an unknown
 * key. So a test sees the sentences a user reads, and a missing key shows as one.
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
    const message = [locale, base, DEFAULT_LOCALE]
      .map((name) => catalogue(name)?.[key])
      .find((found) => found !== undefined);
    return message ? substitute(message, [substitutions ?? []].flat()) : '';
  }

  getUILanguage(): string {
    return this.language;
  }
}
