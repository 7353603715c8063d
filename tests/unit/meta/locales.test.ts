/**
 * Every sentence the user reads comes from the message catalogue, in every language Margins
 * ships: a key used in the code and missing from a locale, or a locale missing a key, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const LOCALES_DIR = join(ROOT, 'public/_locales');

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function catalogue(locale: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<
    string,
    Message
  >;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const locales = readdirSync(LOCALES_DIR);
const english = catalogue('en');

describe('message catalogues', () => {
  it('ships English and French at least', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr']));
  });

  it.each(locales)('%s has every key, with the same placeholders, and no stray ones', (locale) => {
    const messages = catalogue(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { placeholders }] of Object.entries(english)) {
      expect(Object.keys(messages[key]?.placeholders ?? {}), key).toEqual(
        Object.keys(placeholders ?? {}),
      );
      expect(messages[key]?.message.trim(), key).not.toBe('');
    }
  });

  it('has every key the code asks for by name', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:t|plural)\(\s*'([a-zA-Z0-9_]+)'/g)) {
        const key = match[1] ?? '';
        const known = key in english || (`${key}_one` in english && `${key}_other` in english);
        if (!known) missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has a message for every error code the background can send', async () => {
    const { ErrorCodeSchema } = await import('../../../src/shared/protocol.ts');
    for (const code of ErrorCodeSchema.options) {
      expect(english, code).toHaveProperty(`error_${code.replace(/-/g, '_')}`);
    }
  });

  it('has a label for every source a metadata value can come from', async () => {
    const { FieldSourceSchema } = await import('../../../src/shared/article.ts');
    for (const source of FieldSourceSchema.options) {
      expect(english, source).toHaveProperty(`source_${source.replace(/-/g, '_')}`);
    }
  });
});
