import { describe, expect, it } from 'vitest';
import { marginsJsonFormat } from '../../../src/export/margins-json.ts';
import { exportChunks } from '../../../src/shared/export-format.ts';
import { asAsync, collectText, sampleArticles } from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');

describe('Margins JSON writer', () => {
  it('streams exactly the bytes exportChunks joins to', async () => {
    const articles = sampleArticles();
    const streamed = await collectText(marginsJsonFormat.write(asAsync(articles), { now }));
    expect(streamed).toBe(exportChunks(articles, now).join(''));
    const document = JSON.parse(streamed) as { articles: { title: string }[] };
    expect(document.articles.map((article) => article.title)).toEqual(
      articles.map((article) => article.title),
    );
  });

  it('writes an empty collection as the same empty document', async () => {
    const streamed = await collectText(marginsJsonFormat.write(asAsync([]), { now }));
    expect(streamed).toBe(exportChunks([], now).join(''));
    expect(JSON.parse(streamed)).toMatchObject({ format: 'margins-export', articles: [] });
  });
});
