/**
 * The extension's real message catalogues (public/_locales), read and filled in as `browser.i18n`
 * does: the fake browser's i18n and the tests that check every language use this one reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');

export interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The locale folders Margins ships (`en`, `fr`, …). */
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

/**
 * The message as browsers fill it: each `$NAME$` becomes its placeholder's content (names match
 * whatever their case), then `$1`…`$9` become the substitutions and `$$` a dollar sign. What a
 * substitution holds is never read again, so a title with `$1` in it stays as it is.
 */
export function fillMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [
      name.toLowerCase(),
      content,
    ]),
  );
  const named = entry.message.replace(
    /\$([a-zA-Z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}
