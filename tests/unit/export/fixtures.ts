import type { Annotation } from '../../../src/shared/annotation.ts';
import { createHash } from 'node:crypto';
import type {
  ExportedArticle,
  ExportedPicture,
  PictureReader,
} from '../../../src/shared/export-format.ts';
import type { ExportChunk } from '../../../src/export/types.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** The bytes of the file: text chunks as UTF-8, as the Blob they end in encodes them. */
export async function collectBytes(chunks: AsyncIterable<ExportChunk>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) {
    parts.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  }
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}

export async function collectText(chunks: AsyncIterable<ExportChunk>): Promise<string> {
  // ignoreBOM: keep the byte-order mark, so tests can see it is there.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await collectBytes(chunks));
}

let annotationCount = 0;

export function makeAnnotation(
  articleId: string,
  exact: string,
  start: number,
  note = '',
  overrides: Partial<Annotation> = {},
): Annotation {
  annotationCount += 1;
  const suffix = String(annotationCount).padStart(12, '0');
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-${suffix}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: `2026-11-2${annotationCount % 10}T10:00:00.000Z`,
    modified: '2026-11-27T10:00:00.000Z',
    body: note
      ? [{ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' }]
      : [],
    target: {
      source: 'https://stale.example/old-address',
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: start + exact.length },
      ],
    },
    articleId,
    colour: 'yellow',
    ...overrides,
  };
}

export function makeArticle(overrides: Partial<ExportedArticle> = {}): ExportedArticle {
  return {
    ...makeSnapshot(),
    id: '3f2a9c1e-7b4d-4e8a-9c0d-1a2b3c4d5e6f',
    savedAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T09:30:00.000Z',
    tags: [],
    note: '',
    readAt: null,
    archivedAt: null,
    annotations: [],
    ...overrides,
  };
}

/** Text meant to break each format: markup, quotes, line breaks, formulas, YAML syntax, scripts. */
export const HOSTILE_TITLE =
  '=HYPERLINK("http://evil.example","x") </A><script>alert(1)</script> : - # "q" \'s';

/** Two small collections' worth: a plain article with highlights and a hostile one. */
export function sampleArticles(): ExportedArticle[] {
  const plainId = '3f2a9c1e-7b4d-4e8a-9c0d-1a2b3c4d5e6f';
  const hostileId = 'a1b2c3d4-0000-4000-8000-000000000002';
  return [
    makeArticle({
      id: plainId,
      title: 'Café société: the 🌍 story',
      contentHtml:
        '<h2>Intro</h2><p>The first <strong>paragraph</strong> with <a href="https://news.example/more">a link</a>.</p><p>Second one.</p>',
      tags: ['news', 'long read'],
      note: 'Read again\nwith care',
      annotations: [
        makeAnnotation(plainId, 'Second one.', 40, 'Why "second"?'),
        makeAnnotation(plainId, 'first paragraph', 10),
      ],
    }),
    makeArticle({
      id: hostileId,
      url: 'https://hostile.example/a?b=1&c="2"',
      canonicalUrl: null,
      title: HOSTILE_TITLE,
      byline: '+Mallory',
      authors: [],
      siteName: 'مثال الأخبار',
      lang: 'ar',
      dir: 'rtl',
      contentHtml:
        '<p onclick="steal()">مرحبا بالعالم</p><script>alert(1)</script><iframe src="https://evil.example"></iframe><p>&lt;b&gt;literal&lt;/b&gt; and *stars*</p>',
      tags: ['a,b', '-dash', 'pipe|tag'],
      note: '@SUM(A1:A9)',
      annotations: [
        makeAnnotation(hostileId, '<b>literal</b>', 14, '# not a heading\n- nor a list\n\n</A>'),
      ],
    }),
  ];
}

/**
 * A stored picture of `bytes` bytes of `fill`, under the hash Margins would file it (its SHA-256
 * in hex, as hashImage makes it; node:crypto here, since Web Crypto refuses jsdom's buffers).
 */
export function makePicture(
  bytes: number,
  fill: number,
  type = 'image/png',
): { hash: string; picture: ExportedPicture } {
  const data = new Uint8Array(bytes).fill(fill);
  return {
    hash: createHash('sha256').update(data).digest('hex'),
    picture: { type, data: data.buffer },
  };
}

/** A picture reader over fixed pictures that records every read, to see what was asked when. */
export function recordingReader(pictures: ReadonlyMap<string, ExportedPicture>): {
  read: PictureReader;
  reads: string[][];
} {
  const reads: string[][] = [];
  const read: PictureReader = (hashes) => {
    reads.push([...hashes]);
    return Promise.resolve(
      new Map(
        hashes.flatMap((hash): [string, ExportedPicture][] => {
          const picture = pictures.get(hash);
          return picture ? [[hash, picture]] : [];
        }),
      ),
    );
  };
  return { read, reads };
}
