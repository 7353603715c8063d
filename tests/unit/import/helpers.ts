import { strToU8, zipSync } from 'fflate';
import { expect } from 'vitest';
import { parseImport } from '../../../src/import/index.ts';
import type { ImportedItem, ImportParse, ParseImportOptions } from '../../../src/import/index.ts';
import { ImportError } from '../../../src/import/index.ts';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A zip of the given text files, as the services' exports are. */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [
        name,
        typeof content === 'string' ? strToU8(content) : content,
      ]),
    ),
  );
}

export async function parseText(text: string, options?: ParseImportOptions): Promise<ImportParse> {
  return parseImport(utf8(text), options);
}

/** The items of a parse that must be one of the item formats. */
export function itemsOf(parse: ImportParse): ImportedItem[] {
  if (parse.kind !== 'items') throw new Error(`expected items, got ${parse.kind}`);
  return parse.items;
}

/** The ImportError a parse must fail with. */
export async function importErrorOf(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** An item with every field at its empty value, for toEqual with only what a test is about. */
export function item(
  fields: Partial<ImportedItem> & Pick<ImportedItem, 'origin' | 'url'>,
): ImportedItem {
  return {
    title: fields.url,
    savedAt: null,
    tags: [],
    archived: false,
    byline: null,
    publishedTime: null,
    siteName: null,
    excerpt: null,
    leadImageUrl: null,
    contentHtml: null,
    note: '',
    highlights: [],
    ...fields,
  };
}
