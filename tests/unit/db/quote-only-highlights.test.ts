// @vitest-environment jsdom
// Highlights that other services export with their quote alone (issue 17, items 1 and 4): kept
// as quote-only W3C annotations, counted by the plan, exported, synced unchanged, and placed by
// the reader's re-anchoring once the article's text exists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { strToU8, zipSync } from 'fflate';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { annotationsOf } from '../../../src/db/annotations.ts';
import { exportCollection } from '../../../src/db/export.ts';
import { applyImport, planImport } from '../../../src/db/import.ts';
import { POSTING_FIELDS, keysInPostings } from '../../../src/db/postings.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { parseImport } from '../../../src/import/index.ts';
import { placeAnnotations } from '../../../src/reader/placement.ts';
import { AnnotationSchema, positionOf, type Annotation } from '../../../src/shared/annotation.ts';
import { articleTextOf } from '../../../src/shared/article-body.ts';
import { emptyArticleState, type Stamp } from '../../../src/sync/crdt.ts';
import { recordLocalChanges, renderState, sameRecords } from '../../../src/sync/mapping.ts';
import { makeAnnotation } from '../export/fixtures.ts';
import { makeRecord, makeSnapshot } from '../helpers/snapshot.ts';

let db: MarginsDatabase;
let ids = 0;
const newId = () => `00000000-0000-4000-9000-${String(++ids).padStart(12, '0')}`;
const options = () => ({ newId, document });
const NOW = new Date('2026-12-01T08:00:00.000Z');

beforeEach(() => {
  db = openDatabase(`quote-only-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

/** Shaped like Pocket's export: the CSV parts and `annotations/part_*.json`. */
const POCKET_ZIP = zipOf({
  'part_000000.csv': [
    'title,url,time_added,cursor,tags,status',
    'The long read,https://news.example/long-read,1709285400,1,politics,unread',
    'Climate report,https://science.example/climate,1709371800,2,,archive',
    'No highlights,https://plain.example/,1709371900,3,,unread',
    '',
  ].join('\n'),
  'annotations/part_000000.json': JSON.stringify([
    {
      url: 'https://news.example/long-read',
      title: 'The long read',
      highlights: [
        { quote: 'The opposition walked out before the vote.', created_at: 1709290000 },
        { quote: 'Parliament voted late on Tuesday.', created_at: 1709290100 },
      ],
    },
    {
      url: 'https://science.example/climate',
      title: 'Climate report',
      highlights: [{ quote: 'Glaciers retreated further', created_at: 1709380000 }],
    },
    {
      url: 'https://gone.example/deleted',
      title: 'Deleted from Pocket',
      highlights: [
        { quote: 'Lost one', created_at: 1 },
        { quote: 'Lost two', created_at: 2 },
      ],
    },
  ]),
});

const LONG_READ_BODY =
  '<h1>The long read</h1><p>Parliament voted late on Tuesday. ' +
  'The opposition walked out before the vote.</p>';

async function allAnnotations(): Promise<Annotation[]> {
  return (await db.annotations.toArray()).sort((a, b) => a.created.localeCompare(b.created));
}

async function articleIdOf(url: string): Promise<string> {
  const article = await db.articles.filter((stored) => stored.url === url).first();
  if (!article) throw new Error(`no article at ${url}`);
  return article.id;
}

async function searchFinds(term: string): Promise<number> {
  const postings = await db.postings
    .filter((posting) => posting.field !== POSTING_FIELDS.title)
    .toArray();
  return keysInPostings(postings, term, 'whole').size;
}

describe('a Pocket ZIP with annotations', () => {
  it('plans its highlights, and a reason for each one left out', async () => {
    const parse = await parseImport(POCKET_ZIP);
    const plan = await planImport(db, parse, options());
    expect(plan).toMatchObject({ created: 3, updated: 0, annotations: 3 });
    expect(plan.skipped).toEqual([
      {
        origin: 'annotations/part_000000.json, entry 3',
        code: 'orphan-highlights',
        detail: '"https://gone.example/deleted": "Lost one"',
      },
      {
        origin: 'annotations/part_000000.json, entry 3',
        code: 'orphan-highlights',
        detail: '"https://gone.example/deleted": "Lost two"',
      },
    ]);
    expect(await db.annotations.count()).toBe(0);
  });

  it('stores each highlight by its quote alone, valid, searchable, and only once', async () => {
    const report = await applyImport(db, await parseImport(POCKET_ZIP), NOW, undefined, options());
    expect(report).toMatchObject({ created: 3, annotations: 3 });
    const annotations = await allAnnotations();
    expect(annotations.map((annotation) => annotation.target.selector)).toEqual([
      [
        {
          type: 'TextQuoteSelector',
          exact: 'The opposition walked out before the vote.',
          prefix: '',
          suffix: '',
        },
      ],
      [
        {
          type: 'TextQuoteSelector',
          exact: 'Parliament voted late on Tuesday.',
          prefix: '',
          suffix: '',
        },
      ],
      [{ type: 'TextQuoteSelector', exact: 'Glaciers retreated further', prefix: '', suffix: '' }],
    ]);
    for (const annotation of annotations) {
      expect(v.is(AnnotationSchema, annotation)).toBe(true);
      expect(positionOf(annotation)).toBeNull();
    }
    expect(annotations[0]).toMatchObject({
      created: '2024-03-01T10:46:40.000Z',
      motivation: 'highlighting',
      articleId: await articleIdOf('https://news.example/long-read'),
      target: { source: 'https://news.example/long-read' },
    });
    // The links have no text: the highlights alone make them findable by these words.
    expect(await searchFinds('glaciers')).toBe(1);
    expect(await searchFinds('opposition')).toBe(1);

    const again = await applyImport(db, await parseImport(POCKET_ZIP), NOW, undefined, options());
    expect(again).toMatchObject({ created: 0, updated: 0, annotations: 0 });
    expect(await db.annotations.count()).toBe(3);
  });

  it('exports them valid against the published schema, and imports the export back as they were', async () => {
    await applyImport(db, await parseImport(POCKET_ZIP), NOW, undefined, options());
    const text = (await exportCollection(db, NOW)).join('');
    const exported: unknown = JSON.parse(text);
    const schema: object = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../schema/margins-export-v1.schema.json'),
        'utf8',
      ),
    );
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(text).toContain('"selector":[{"type":"TextQuoteSelector","exact":"Glaciers retreated');

    const other = openDatabase(`quote-only-copy-${Math.random()}`);
    try {
      const back = await parseImport(new TextEncoder().encode(text));
      expect(back.skipped).toEqual([]);
      await applyImport(other, back, NOW, undefined, options());
      const sorted = (list: Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(sorted(await other.annotations.toArray())).toEqual(sorted(await allAnnotations()));
    } finally {
      await other.delete();
    }
  });

  it('places them once the article is saved with its text, and lists the one that is gone', async () => {
    await applyImport(db, await parseImport(POCKET_ZIP), NOW, undefined, options());
    const url = 'https://news.example/long-read';
    const pending = await annotationsOf(db, await articleIdOf(url));
    // No text yet: nothing to place them in.
    expect(placeAnnotations('', pending).placed).toEqual([]);

    const body = `${LONG_READ_BODY}<p>A third paragraph about something else.</p>`;
    const saved = await saveSnapshot(
      db,
      makeSnapshot({ url, canonicalUrl: url, contentHtml: body, textContent: '', wordCount: 16 }),
      NOW,
    );
    expect(saved.status).toBe('updated');
    const annotations = await annotationsOf(db, saved.article.id);
    expect(annotations).toHaveLength(2);
    const text = articleTextOf(saved.article.contentHtml, document);
    const { placed, orphans } = placeAnnotations(text, annotations);
    expect(orphans).toEqual([]);
    expect(placed.map((item) => text.slice(item.start, item.end))).toEqual([
      'Parliament voted late on Tuesday.',
      'The opposition walked out before the vote.',
    ]);

    // The page changed and no longer holds one quote: it is listed, not dropped.
    const rewritten = await saveSnapshot(
      db,
      makeSnapshot({
        url,
        canonicalUrl: url,
        contentHtml: '<p>Parliament voted late on Tuesday. Then everyone went home.</p>',
      }),
      NOW,
    );
    const later = placeAnnotations(
      articleTextOf(rewritten.article.contentHtml, document),
      await annotationsOf(db, rewritten.article.id),
    );
    expect(later.placed).toHaveLength(1);
    expect(later.orphans.map((orphan) => orphan.target.selector[0].exact)).toEqual([
      'The opposition walked out before the vote.',
    ]);
  });
});

describe('Instapaper and Omnivore highlights', () => {
  it("keeps Instapaper's selection as a highlight of the link", async () => {
    const csv = [
      'URL,Title,Selection,Folder,Timestamp,Tags',
      'https://news.example/a,First,The passage I chose,Unread,1700000000,[]',
      'https://news.example/b,Second,,Archive,1700000100,[]',
    ].join('\n');
    const parse = await parseImport(new TextEncoder().encode(csv));
    expect(await planImport(db, parse, options())).toMatchObject({
      created: 2,
      annotations: 1,
      skipped: [],
    });
    await applyImport(db, parse, NOW, undefined, options());
    const [annotation] = await allAnnotations();
    expect(annotation).toMatchObject({
      articleId: await articleIdOf('https://news.example/a'),
      created: '2023-11-14T22:13:20.000Z',
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: 'The passage I chose', prefix: '', suffix: '' },
        ],
      },
    });
  });

  it("keeps Omnivore's highlights and notes of an article without saved content", async () => {
    const bytes = zipOf({
      'metadata_0_to_1.json': JSON.stringify([
        { slug: 'pending', title: 'Pending', url: 'https://news.example/pending', state: 'Active' },
      ]),
      'highlights/pending.md': '> A quote kept without text\n\nMy note on it\n',
    });
    const parse = await parseImport(bytes);
    await applyImport(db, parse, NOW, undefined, options());
    const [annotation] = await allAnnotations();
    expect(annotation).toMatchObject({
      motivation: 'commenting',
      body: [{ value: 'My note on it' }],
      target: {
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'A quote kept without text',
            prefix: '',
            suffix: '',
          },
        ],
      },
    });
  });
});

describe('quote-only annotations elsewhere', () => {
  const quoteOnly = (exact: string, prefix = '', suffix = ''): Annotation => {
    const base = makeAnnotation('a1', exact, 0);
    return {
      ...base,
      target: { ...base.target, selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }] },
    };
  };

  it('are placed by their context when the quote appears twice, else at the first', () => {
    const text =
      'The minister said no. Later, in the other chamber, the minister said no. Nothing more.';
    const second = text.lastIndexOf('the minister said no');
    const first = text.indexOf('minister said no');
    const { placed } = placeAnnotations(text, [
      quoteOnly('minister said no', 'in the other chamber, the ', '. Nothing more.'),
      quoteOnly('minister said no'),
    ]);
    expect(placed.map((item) => item.start).sort((a, b) => a - b)).toEqual([
      first,
      second + 'the '.length,
    ]);
  });

  it('survive a sync unchanged', () => {
    const record = makeRecord({}, { id: 'a1', savedAt: '2024-06-18T10:00:00.000Z' });
    const local = { article: record, annotations: [quoteOnly('A quote with no place yet')] };
    const stamp: Stamp = { t: 1, d: 'device-a' };
    const rendered = renderState(recordLocalChanges(emptyArticleState('a1'), local, stamp));
    expect(rendered.annotations).toEqual(local.annotations);
    expect(rendered.annotations[0]?.target.selector).toHaveLength(1);
    expect(sameRecords(rendered, local)).toBe(true);
  });
});
