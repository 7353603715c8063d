import { describe, expect, it } from 'vitest';
import { annotationsJsonLdFormat } from '../../../src/export/annotations-jsonld.ts';
import { asAsync, collectText, makeArticle, sampleArticles } from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');

interface Collection {
  '@context': string;
  id: string;
  type: string;
  label: string;
  total: number;
  first: { id: string; type: string; startIndex: number; items: Record<string, unknown>[] };
}

async function collectionOf(...args: Parameters<typeof annotationsJsonLdFormat.write>) {
  return JSON.parse(await collectText(annotationsJsonLdFormat.write(...args))) as Collection;
}

describe('W3C annotation collection writer', () => {
  it('is an AnnotationCollection whose first page holds every annotation', async () => {
    const articles = sampleArticles();
    const collection = await collectionOf(asAsync(articles), { now });
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(collection.first.id).not.toBe(collection.id);
    expect(collection.first.startIndex).toBe(0);
    expect(collection.total).toBe(3);
    expect(collection.first.items).toHaveLength(3);
  });

  it('writes each annotation without its own @context, aimed at its article with its selectors', async () => {
    const articles = sampleArticles();
    const collection = await collectionOf(asAsync(articles), { now });
    const expected = articles.flatMap((article) =>
      article.annotations.map((annotation) => ({ annotation, article })),
    );
    collection.first.items.forEach((item, index) => {
      const { annotation, article } = expected[index] ?? {};
      if (!annotation || !article) throw new Error(`no annotation ${index} was exported`);
      expect(item).not.toHaveProperty('@context');
      expect(item).toMatchObject({
        id: annotation.id,
        type: 'Annotation',
        motivation: annotation.motivation,
        body: annotation.body,
        target: { source: article.url, selector: annotation.target.selector },
      });
      const selectors = (item.target as { selector: { type: string }[] }).selector;
      expect(selectors.map((selector) => selector.type)).toEqual([
        'TextQuoteSelector',
        'TextPositionSelector',
      ]);
    });
  });

  it('takes the collection label from the caller', async () => {
    const collection = await collectionOf(asAsync([makeArticle()]), {
      now,
      labels: { annotationCollection: 'Surlignages' },
    });
    expect(collection.label).toBe('Surlignages');
    expect(collection.total).toBe(0);
    expect(collection.first.items).toEqual([]);
  });
});
