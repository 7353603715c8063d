/**
 * The extension's real message catalogues, read as `browser.i18n` reads them: a test that
 * switches language sees exactly the sentences that language ships, placeholders filled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');

export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const LOCALES = readdirSync(LOCALES_DIR);

const catalogues = new Map<string, Record<string, CatalogueEntry>>();

export function readCatalogue(locale: string): Record<string, CatalogueEntry> {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    catalogue = JSON.parse(
      readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'),
    ) as Record<string, CatalogueEntry>;
    catalogues.set(locale, catalogue);
  }
  return catalogue;
}

/** The message with `$NAME$` placeholders and their `$1`, `$2`… filled in, as browsers do. */
export function fillMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(
      /\$(\d)/g,
      (_match, index: string) => substitutions[Number(index) - 1] ?? '',
    );
  });
}

/**
 * A `browser.i18n` over the real catalogues, in `state.locale` (change it between tests). An
 * unknown key gives "" as browsers do, so `t()` shows the key and a test sees it is missing.
 */
export function catalogueI18n(state: { locale: string }) {
  return {
    getMessage: (key: string, substitutions?: string | string[]) => {
      const entry = readCatalogue(state.locale.split('-')[0] ?? 'en')[key];
      return entry ? fillMessage(entry, [substitutions ?? []].flat()) : '';
    },
    getUILanguage: () => state.locale,
  };
}
