import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  annotationCounts,
  annotationsOf,
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../../../src/db/annotations.ts';
import { saveSnapshot, undoSave } from '../../../src/db/articles.ts';
import { setArticleNote, setArticleTags } from '../../../src/db/article-notes.ts';
import { exportCollection } from '../../../src/db/export.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { describeRange } from '../../../src/shared/anchoring/describe.ts';
import { AnnotationSchema } from '../../../src/shared/annotation.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const TEXT = 'La Russie et la Corée du Nord se rapprochent encore un peu plus.';
let db: MarginsDatabase;
let articleId: string;

beforeEach(async () => {
  db = openDatabase(`annotations-${Math.random()}`);
  articleId = (await saveSnapshot(db, makeSnapshot({ textContent: TEXT }), new Date())).article.id;
});
afterEach(async () => {
  await db.delete();
});

const highlight = (note = '') =>
  createAnnotation(
    db,
    { articleId, selector: describeRange(TEXT, 13, 28), colour: 'yellow', note },
    new Date('2026-11-27T10:00:00Z'),
  );

describe('annotations', () => {
  it('stores a highlight as a W3C Web Annotation on the article', async () => {
    const annotation = await highlight('à vérifier');
    expect(v.safeParse(AnnotationSchema, annotation).success).toBe(true);
    expect(annotation).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'à vérifier' }],
      target: {
        source: 'https://news.example/2024/06/story',
        selector: [
          { type: 'TextQuoteSelector', exact: 'la Corée du Nor' },
          { type: 'TextPositionSelector', start: 13, end: 28 },
        ],
      },
    });
    expect(await annotationsOf(db, articleId)).toEqual([annotation]);
  });

  it('refuses a highlight on an article that is gone', async () => {
    await expect(
      createAnnotation(
        db,
        { articleId: 'gone', selector: describeRange(TEXT, 0, 5), colour: 'blue', note: '' },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('changes colour and note, and removing the note makes it a plain highlight', async () => {
    const annotation = await highlight('note');
    const recoloured = await updateAnnotation(
      db,
      annotation.id,
      { colour: 'pink', note: '' },
      new Date(),
    );
    expect(recoloured).toMatchObject({ colour: 'pink', body: [], motivation: 'highlighting' });
  });

  it('deletes one, and an undone save takes its annotations with it', async () => {
    const first = await highlight();
    await highlight();
    expect(await deleteAnnotation(db, first.id)).toBe(true);
    expect(await deleteAnnotation(db, first.id)).toBe(false);
    expect((await annotationCounts(db, [articleId])).get(articleId)).toBe(1);
    const saved = await saveSnapshot(
      db,
      makeSnapshot({ url: 'https://n.example/new', canonicalUrl: null }),
      new Date(),
    );
    await createAnnotation(
      db,
      {
        articleId: saved.article.id,
        selector: describeRange(TEXT, 0, 2),
        colour: 'green',
        note: '',
      },
      new Date(),
    );
    await undoSave(db, saved.undo);
    expect(await annotationsOf(db, saved.article.id)).toEqual([]);
  });

  it('exports each annotation under its article, valid against the schema', async () => {
    await highlight('first');
    await setArticleNote(db, articleId, 'page note', new Date());
    await setArticleTags(db, articleId, ['Corée', 'corée', ' Russie '], new Date());
    const document: unknown = JSON.parse((await exportCollection(db, new Date())).join(''));
    const schema: object = JSON.parse(
      readFileSync(
        new URL('../../../schema/margins-export-v1.schema.json', import.meta.url),
        'utf8',
      ),
    );
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document).toMatchObject({
      articles: [
        {
          note: 'page note',
          tags: ['Corée', 'Russie'],
          annotations: [{ body: [{ value: 'first' }] }],
        },
      ],
    });
  });
});
