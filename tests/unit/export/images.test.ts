// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { marginsJsonFormat } from '../../../src/export/margins-json.ts';
import { MARKDOWN_IMAGES_FOLDER, markdownZipFormat } from '../../../src/export/markdown-zip.ts';
import { base64Pieces, extensionOf, PICTURES_PER_READ } from '../../../src/export/pictures.ts';
import {
  exportChunks,
  type ExportedArticle,
  type ExportedPicture,
} from '../../../src/shared/export-format.ts';
import {
  asAsync,
  collectBytes,
  collectText,
  makeArticle,
  makePicture,
  recordingReader,
} from './fixtures.ts';

const now = new Date('2026-11-27T11:00:00.000Z');

const schema: object = JSON.parse(
  // A path, not a URL: jsdom's URL is not the one node:fs reads.
  readFileSync(join(import.meta.dirname, '../../../schema/margins-export-v1.schema.json'), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const LOGO = 'https://cdn.example/logo.png';
const PHOTO_SMALL = 'https://cdn.example/photo-400.jpg';
const PHOTO_LARGE = 'https://cdn.example/photo-1600.jpg';
const REMOTE = 'https://ads.example/remote.gif';

let logo: { hash: string; picture: ExportedPicture };
let photo: { hash: string; picture: ExportedPicture };
let pictures: Map<string, ExportedPicture>;

beforeAll(() => {
  logo = makePicture(300, 1, 'image/png');
  photo = makePicture(70_000, 2, 'image/jpeg');
  pictures = new Map([
    [logo.hash, logo.picture],
    [photo.hash, photo.picture],
  ]);
});

/**
 * Two articles sharing the logo: the first also shows a photo offered in two sizes (Margins kept
 * the large one) and an image it does not hold.
 */
function articlesWithImages(): ExportedArticle[] {
  return [
    makeArticle({
      id: 'a0000000-0000-4000-8000-000000000001',
      title: 'With pictures',
      contentHtml: `<p>Intro.</p><p><img src="${LOGO}" alt="Logo"></p><figure><img src="${PHOTO_SMALL}" srcset="${PHOTO_SMALL} 400w, ${PHOTO_LARGE} 1600w" alt="Photo"></figure><p><img src="${REMOTE}" alt="Ad"></p>`,
      images: [
        { url: LOGO, hash: logo.hash },
        { url: PHOTO_LARGE, hash: photo.hash },
        { url: REMOTE, hash: null },
      ],
    }),
    makeArticle({
      id: 'a0000000-0000-4000-8000-000000000002',
      url: 'https://news.example/second',
      title: 'Second',
      contentHtml: `<p>Again <img src="${LOGO}" alt="Logo again"></p>`,
      images: [{ url: LOGO, hash: logo.hash }],
    }),
  ];
}

async function unzippedWithImages(articles: ExportedArticle[]) {
  const { read, reads } = recordingReader(pictures);
  const bytes = await collectBytes(
    markdownZipFormat.write(asAsync(articles), { now, pictures: read }),
  );
  return { files: unzipSync(bytes), reads };
}

/** The Markdown image links of a file: [alt, target]. */
function imageLinks(markdown: string): [string, string][] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(([^)\s]+)(?: "[^"]*")?\)/g)].map(
    ([, alt = '', target = '']) => [alt, target],
  );
}

describe('pictures in the Markdown ZIP', () => {
  it('puts each stored picture once in images/, named by hash and type', async () => {
    const { files } = await unzippedWithImages(articlesWithImages());
    const pictureFiles = Object.keys(files)
      .filter((name) => name.startsWith(`${MARKDOWN_IMAGES_FOLDER}/`))
      .sort();
    expect(pictureFiles).toEqual([`images/${logo.hash}.png`, `images/${photo.hash}.jpg`].sort());
    expect(files[`images/${photo.hash}.jpg`]).toEqual(new Uint8Array(photo.picture.data));
    expect(files[`images/${logo.hash}.png`]).toEqual(new Uint8Array(logo.picture.data));
  });

  it('links the stored images relatively, so each link opens a file of the archive', async () => {
    const { files } = await unzippedWithImages(articlesWithImages());
    const markdownFiles = Object.keys(files).filter(
      (name) => name.endsWith('.md') && name !== 'index.md',
    );
    expect(markdownFiles).toHaveLength(2);
    const local: string[] = [];
    for (const name of markdownFiles) {
      for (const [, target] of imageLinks(strFromU8(files[name] ?? new Uint8Array()))) {
        if (/^https?:/.test(target)) continue;
        // Resolved from the Markdown file's own folder, as a Markdown viewer does.
        const resolved = posix.normalize(posix.join(posix.dirname(name), target));
        expect(files, `${name} links ${target}`).toHaveProperty([resolved]);
        local.push(resolved);
      }
    }
    expect(local.sort()).toEqual(
      [`images/${logo.hash}.png`, `images/${photo.hash}.jpg`, `images/${logo.hash}.png`].sort(),
    );
  });

  it('keeps the web address of an image whose picture it does not carry', async () => {
    const { files } = await unzippedWithImages(articlesWithImages());
    const first = Object.keys(files).find((name) => name.startsWith('with-pictures'));
    const links = imageLinks(strFromU8(files[first ?? ''] ?? new Uint8Array()));
    expect(links).toEqual([
      ['Logo', `images/${logo.hash}.png`],
      ['Photo', `images/${photo.hash}.jpg`],
      ['Ad', REMOTE],
    ]);
  });

  it('reads pictures per article, and never one already in the archive', async () => {
    const { reads } = await unzippedWithImages(articlesWithImages());
    expect(reads).toEqual([[logo.hash, photo.hash]]);
  });

  it('leaves a picture Margins no longer holds on the web, and carries none unless asked', async () => {
    const gone = makeArticle({
      contentHtml: `<p><img src="${LOGO}" alt="Logo"></p>`,
      images: [{ url: LOGO, hash: 'f'.repeat(64) }],
    });
    const { files } = await unzippedWithImages([gone]);
    expect(Object.keys(files).some((name) => name.startsWith('images/'))).toBe(false);
    const withoutPictures = unzipSync(
      await collectBytes(markdownZipFormat.write(asAsync(articlesWithImages()), { now })),
    );
    expect(Object.keys(withoutPictures).some((name) => name.startsWith('images/'))).toBe(false);
    const name = Object.keys(withoutPictures).find((file) => file.startsWith('with-pictures'));
    expect(imageLinks(strFromU8(withoutPictures[name ?? ''] ?? new Uint8Array()))).toEqual([
      ['Logo', LOGO],
      // On the web, an image links the size Margins would keep for reading, not the smallest.
      ['Photo', PHOTO_LARGE],
      ['Ad', REMOTE],
    ]);
  });
});

interface DocumentWithImages {
  articles: { id: string; images?: { url: string; hash: string | null }[] }[];
  images?: Record<string, { type: string; data: string }>;
}

describe('pictures in Margins JSON', () => {
  it('lists each article’s images and carries every picture once, valid by the schema', async () => {
    const { read } = recordingReader(pictures);
    const text = await collectText(
      marginsJsonFormat.write(asAsync(articlesWithImages()), { now, pictures: read }),
    );
    const document = JSON.parse(text) as DocumentWithImages;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.articles.map((article) => article.images)).toEqual(
      articlesWithImages().map((article) => article.images),
    );
    expect(Object.keys(document.images ?? {}).sort()).toEqual([logo.hash, photo.hash].sort());
    const photoEntry = document.images?.[photo.hash];
    expect(photoEntry?.type).toBe('image/jpeg');
    expect(Buffer.from(photoEntry?.data ?? '', 'base64')).toEqual(Buffer.from(photo.picture.data));
  });

  it('writes the file as before, lists and pictures left out, when not asked to carry them', async () => {
    const articles = articlesWithImages();
    const text = await collectText(marginsJsonFormat.write(asAsync(articles), { now }));
    const withoutLists = articles.map((article) => {
      const copy = { ...article };
      delete copy.images;
      return copy;
    });
    expect(text).toBe(exportChunks(withoutLists, now).join(''));
    expect(JSON.parse(text)).not.toHaveProperty('images');
  });

  it('writes an empty images object for a collection without pictures', async () => {
    const { read, reads } = recordingReader(pictures);
    const text = await collectText(
      marginsJsonFormat.write(asAsync([makeArticle()]), { now, pictures: read }),
    );
    const document = JSON.parse(text) as DocumentWithImages;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.images).toEqual({});
    expect(document.articles[0]?.images).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('reads the pictures a few at a time', async () => {
    const many = Array.from({ length: PICTURES_PER_READ + 3 }, (_, index) =>
      makePicture(10, index + 10),
    );
    const { read, reads } = recordingReader(new Map(many.map((p) => [p.hash, p.picture])));
    const article = makeArticle({
      images: many.map((p, index) => ({ url: `https://cdn.example/${index}.png`, hash: p.hash })),
    });
    const text = await collectText(
      marginsJsonFormat.write(asAsync([article]), { now, pictures: read }),
    );
    expect(reads.map((batch) => batch.length)).toEqual([PICTURES_PER_READ, 3]);
    expect(Object.keys((JSON.parse(text) as DocumentWithImages).images ?? {})).toHaveLength(
      many.length,
    );
  });
});

describe('picture helpers', () => {
  it('writes base64 in pieces that join into the encoding of the whole', () => {
    const bytes = new Uint8Array(200_003).map((_, index) => (index * 7) % 256);
    const pieces = [...base64Pieces(bytes.buffer)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('names a picture’s file by its type', () => {
    expect(extensionOf('image/jpeg')).toBe('jpg');
    expect(extensionOf('image/svg+xml')).toBe('svg');
    expect(extensionOf('IMAGE/PNG; charset=binary')).toBe('png');
    expect(extensionOf('image/jxl')).toBe('jxl');
    expect(extensionOf('image/../../etc')).toBe('bin');
  });
});
