import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { exportCollection } from '../../../src/db/export.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { exportChunks, exportFileName } from '../../../src/shared/export-format.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const schema: object = JSON.parse(
  readFileSync(new URL('../../../schema/margins-export-v1.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

let db: MarginsDatabase;
beforeEach(() => {
  db = openDatabase(`export-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('Margins JSON export', () => {
  it('is one JSON document that matches the published schema', async () => {
    await saveSnapshot(db, makeSnapshot(), new Date('2026-11-27T09:00:00Z'));
    await saveSnapshot(
      db,
      makeSnapshot({
        url: 'https://x.example/l',
        canonicalUrl: null,
        kind: 'link',
        byline: null,
        publishedTime: null,
        contentHtml: '',
        textContent: '',
        wordCount: 0,
      }),
      new Date('2026-11-27T10:00:00Z'),
    );
    const text = (await exportCollection(db, new Date('2026-11-27T11:00:00Z'))).join('');
    const document: unknown = JSON.parse(text);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document).toMatchObject({
      format: 'margins-export',
      version: 1,
      exportedAt: '2026-11-27T11:00:00.000Z',
    });
    const { articles } = document as {
      articles: { url: string; textContent: string; annotations: unknown[] }[];
    };
    expect(articles.map((article) => article.url)).toEqual([
      'https://x.example/l',
      'https://news.example/2024/06/story',
    ]);
    expect(articles[0]?.annotations).toEqual([]);
    // The library does not store the body's text; the file still gives it, from the body.
    expect(articles.map((article) => article.textContent)).toEqual(['', 'The first paragraph.']);
  });

  it('exports an empty collection as an empty list', () => {
    const document: unknown = JSON.parse(exportChunks([], new Date(0)).join(''));
    expect(validate(document)).toBe(true);
    expect(document).toMatchObject({ articles: [] });
  });

  it('rejects what the schema forbids, so the schema test can fail', () => {
    expect(validate({ format: 'margins-export', version: 2, exportedAt: 'x', articles: [] })).toBe(
      false,
    );
    const bad = JSON.parse(exportChunks([], new Date(0)).join('')) as { articles: unknown[] };
    bad.articles.push({ id: 'x', url: 'javascript:alert(1)' });
    expect(validate(bad)).toBe(false);
  });

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('margins-2026-01-05.json');
  });
});
