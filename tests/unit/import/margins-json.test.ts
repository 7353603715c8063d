// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exportChunks } from '../../../src/shared/export-format.ts';
import type { ExportedArticle } from '../../../src/shared/export-format.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';
import { storedFieldsOf } from '../../../src/shared/article.ts';
import { parseImport } from '../../../src/import/index.ts';
import type { ImportParse } from '../../../src/import/index.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';
import { importErrorOf, parseText, utf8 } from './helpers.ts';

const NOW = new Date('2026-11-27T09:30:00.000Z');

function annotation(articleId: string, n: number): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: '2026-11-01T10:00:00.000Z',
    modified: '2026-11-01T10:00:00.000Z',
    body: [],
    target: {
      source: 'https://news.example/2024/06/story',
      selector: [
        { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' paragraph' },
        { type: 'TextPositionSelector', start: 4, end: 9 },
      ],
    },
    articleId,
    colour: 'yellow',
  };
}

function article(id: string, overrides: Partial<ExportedArticle> = {}): ExportedArticle {
  return {
    ...storedFieldsOf(makeSnapshot({ url: `https://news.example/${id}` })),
    id,
    savedAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    tags: ['news'],
    note: 'A note',
    readAt: null,
    archivedAt: null,
    // A number of its own for each article's annotation id.
    annotations: [
      annotation(
        id,
        [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0),
      ),
    ],
    ...overrides,
  };
}

function exportOf(articles: unknown[]): string {
  return exportChunks(articles as ExportedArticle[], NOW).join('');
}

function marginsOf(parse: ImportParse) {
  if (parse.kind !== 'margins') throw new Error(`expected margins, got ${parse.kind}`);
  return parse;
}

describe('Margins JSON', () => {
  it('reads back what Margins exports, records and annotations identical', async () => {
    const articles = [article('a1'), article('a2', { annotations: [] })];
    const parse = marginsOf(await parseText(exportOf(articles)));
    expect(parse).toMatchObject({ format: 'margins-json', version: 1, skipped: [], warnings: [] });
    expect(parse.articles).toEqual(articles);
  });

  it('reads version 1 files written before articles had a read or archived state', async () => {
    const older: Partial<ExportedArticle> = article('a1');
    delete older.readAt;
    delete older.archivedAt;
    const parse = marginsOf(await parseText(exportOf([older])));
    expect(parse.articles[0]).toMatchObject({ id: 'a1', readAt: null, archivedAt: null });
  });

  it('reads a file from a newer version, leaving out the provenance this version does not know', async () => {
    const newer = article('a1', {
      fieldSources: { title: 'json-ld', byline: 'bluesky-handle' as 'json-ld' },
      extractionFailures: [
        { step: 'bluesky-handle' as 'json-ld', error: 'TypeError' },
        { step: 'dates', error: 'RangeError' },
      ],
    });
    const parse = marginsOf(await parseText(exportOf([newer])));
    expect(parse.skipped).toEqual([]);
    expect(parse.articles[0]).toMatchObject({ id: 'a1', byline: 'Jane Doe' });
    expect(parse.articles[0]?.fieldSources).toEqual({ title: 'json-ld' });
    expect(parse.articles[0]?.extractionFailures).toEqual([{ step: 'dates', error: 'RangeError' }]);
  });

  it('skips an invalid article naming its index and the failing field, keeping the others', async () => {
    const parse = marginsOf(
      await parseText(
        exportOf([article('a1'), article('a2', { url: 'javascript:alert(1)' }), article('a3')]),
      ),
    );
    expect(parse.articles.map(({ id }) => id)).toEqual(['a1', 'a3']);
    expect(parse.skipped).toEqual([
      {
        origin: 'articles[1]',
        code: 'invalid-entry',
        detail: expect.stringMatching(/^url: /) as unknown as string,
      },
    ]);
  });

  it('skips duplicate ids, of articles and of annotations', async () => {
    const parse = marginsOf(
      await parseText(
        exportOf([
          article('a1'),
          article('a1', { title: 'Second copy' }),
          article('a2', { annotations: [annotation('a2', 7), annotation('a2', 7)] }),
        ]),
      ),
    );
    expect(parse.articles.map(({ id, title }) => [id, title])).toEqual([
      ['a1', 'A story'],
      ['a2', 'A story'],
    ]);
    expect(parse.articles[1]?.annotations.map(({ id }) => id)).toEqual([
      'urn:uuid:00000000-0000-4000-8000-000000000007',
    ]);
    expect(parse.skipped).toEqual([
      { origin: 'articles[1]', code: 'duplicate-id', detail: 'a1 (articles[0])' },
      {
        origin: 'articles[2].annotations[1]',
        code: 'duplicate-id',
        detail: 'urn:uuid:00000000-0000-4000-8000-000000000007',
      },
    ]);
  });

  it('drops an invalid annotation or one pointing at another article, keeping its article', async () => {
    const broken = { ...annotation('a1', 2), colour: 'octarine' };
    const parse = marginsOf(
      await parseText(
        exportOf([
          article('a1', {
            annotations: [
              annotation('a1', 1),
              broken as unknown as Annotation,
              annotation('zz', 3),
            ],
          }),
        ]),
      ),
    );
    expect(parse.articles[0]?.annotations).toHaveLength(1);
    expect(
      parse.skipped.map(({ origin, code, detail }) => [origin, code, detail.split(':')[0]]),
    ).toEqual([
      ['articles[0].annotations[1]', 'invalid-annotation', 'colour'],
      ['articles[0].annotations[2]', 'invalid-annotation', 'articleId'],
    ]);
  });

  it('lets no __proto__ or constructor key reach a prototype or the records', async () => {
    const text = exportOf([article('a1')])
      .replace(
        '{"format"',
        '{"__proto__":{"polluted":"document"},"constructor":{"prototype":{"polluted":"ctor"}},"format"',
      )
      .replace(
        '"id":"a1"',
        '"__proto__":{"polluted":"article","isAdmin":true},"constructor":{"name":"x"},"id":"a1"',
      )
      .replace('"fieldSources":{', '"fieldSources":{"__proto__":{"polluted":"sources"},');
    const parse = marginsOf(await parseText(text));
    const [record] = parse.articles;
    expect(record).toBeDefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(record?.fieldSources)).toBe(Object.prototype);
    expect(Object.hasOwn(record ?? {}, '__proto__')).toBe(false);
    expect(Object.hasOwn(record ?? {}, 'constructor')).toBe(false);
    expect(record).toEqual(article('a1'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([
    ['a later version', { version: 2 }, 'unsupported-version'],
    ['a version that never existed', { version: 0 }, 'unsupported-version'],
    ['no articles list', { articles: 'none' }, 'invalid-document'],
  ])('refuses %s', async (_, change, code) => {
    const document = { ...(JSON.parse(exportOf([article('a1')])) as object), ...change };
    expect((await importErrorOf(parseText(JSON.stringify(document)))).code).toBe(code);
  });

  it('refuses a later version even when its shape has changed everywhere', async () => {
    const error = await importErrorOf(
      parseText('{"format":"margins-export","version":7,"items":{}}'),
    );
    expect(error).toMatchObject({
      code: 'unsupported-version',
      detail: 'version 7, newest known 1',
    });
  });

  it('says where a truncated file breaks', async () => {
    const full = exportOf([article('a1'), article('a2')]);
    const cut = full.slice(0, full.indexOf('"id":"a2"') + 5);
    const error = await importErrorOf(parseImport(utf8(cut)));
    expect(error.code).toBe('corrupt-file');
    // The header, the first article, then the second article's line: it breaks on line 3.
    expect(error.origin).toMatch(/^line 3, column \d+$/);
  });
});
