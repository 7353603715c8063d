/**
 * A ZIP of Markdown files, one per article, plus `index.md` linking them all. The archive is
 * written as it goes: each file is compressed and handed on before the next article is read.
 *
 * With pictures (`context.pictures`), the stored ones are in `images/`, each once, named by its
 * hash (`images/<sha-256>.png`), and the Markdown links to them relatively; an image Margins
 * does not hold keeps its address on the web. An article's pictures are read when the article
 * is written, and only those not in the archive yet.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ExportedArticle, PictureReader } from '../shared/export-format.ts';
import {
  createMarkdownConverter,
  type LocalImages,
  type MarkdownConverter,
} from './html-to-markdown.ts';
import { articleMarkdown } from './markdown-article.ts';
import { MarkdownFileNames } from './markdown-file-name.ts';
import { extensionOf, pictureHashesOf, readPictures } from './pictures.ts';
import { labelsOf, type ExportChunk, type ExportContext, type ExportFormat } from './types.ts';

export const MARKDOWN_INDEX_FILE = 'index.md';
/** The folder of the pictures, beside the Markdown files (which sit at the archive's root). */
export const MARKDOWN_IMAGES_FOLDER = 'images';

const encoder = new TextEncoder();

/** ZIP stores times as DOS dates, which only reach from 1980 to 2099; fflate throws outside. */
function zipTime(iso: string, fallback: Date): Date {
  const date = new Date(iso);
  const year = date.getFullYear();
  if (Number.isNaN(year) || year < 1980 || year > 2099) return fallback;
  return date;
}

interface IndexEntry {
  title: string;
  fileName: string;
}

function indexMarkdown(
  entries: readonly IndexEntry[],
  heading: string,
  converter: MarkdownConverter,
): string {
  const lines = entries.map(
    ({ title, fileName }) =>
      `- [${converter.escapeText(title.replace(/\s+/g, ' '))}](${encodeURIComponent(fileName)})`,
  );
  return `# ${converter.escapeText(heading)}\n\n${lines.join('\n')}\n`;
}

/** fflate's output is typed as possibly shared memory; it is not, but a Blob needs proof. */
function blobReady(chunk: Uint8Array): ExportChunk {
  return chunk.buffer instanceof ArrayBuffer
    ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    : chunk.slice();
}

/** Bridges fflate's callback output to the generator: what the archive wrote since last asked. */
class ZipOutput {
  private pending: ExportChunk[] = [];
  private failure: Error | null = null;
  readonly zip = new Zip((error, chunk) => {
    if (error) this.failure = error;
    else this.pending.push(blobReady(chunk));
  });

  addFile(name: string, text: string, mtime: Date): void {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = mtime;
    this.zip.add(file);
    file.push(encoder.encode(text), true);
  }

  /** Stored as it is: pictures are compressed already, deflating them again gains nothing. */
  addPicture(name: string, data: ArrayBuffer, mtime: Date): void {
    const file = new ZipPassThrough(name);
    file.mtime = mtime;
    this.zip.add(file);
    file.push(new Uint8Array(data), true);
  }

  /** The bytes written so far (fflate's zip works synchronously, so a pushed file is complete). */
  take(): ExportChunk[] {
    if (this.failure) throw this.failure;
    const taken = this.pending;
    this.pending = [];
    return taken;
  }
}

/** The pictures put in the archive so far, by hash, with their paths relative to the Markdown. */
class ArchivedPictures {
  private readonly paths = new Map<string, string>();

  constructor(
    private readonly read: PictureReader,
    private readonly output: ZipOutput,
  ) {}

  /**
   * Adds the article's pictures the archive does not hold yet, and says where each of its stored
   * images is: its address → the relative link. A picture Margins no longer holds is left out,
   * and its image keeps its web address.
   */
  async addFor(article: ExportedArticle, mtime: Date): Promise<LocalImages> {
    const missing = pictureHashesOf(article.images).filter((hash) => !this.paths.has(hash));
    for await (const [hash, picture] of readPictures(this.read, missing)) {
      const name = `${hash}.${extensionOf(picture.type)}`;
      this.output.addPicture(`${MARKDOWN_IMAGES_FOLDER}/${name}`, picture.data, mtime);
      this.paths.set(hash, `${MARKDOWN_IMAGES_FOLDER}/${name}`);
    }
    const local = new Map<string, string>();
    for (const image of article.images ?? []) {
      const path = image.hash === null ? undefined : this.paths.get(image.hash);
      if (path !== undefined) local.set(image.url, path);
    }
    return local;
  }
}

async function* markdownZip(
  articles: AsyncIterable<ExportedArticle>,
  context: ExportContext,
): AsyncGenerator<ExportChunk> {
  const labels = labelsOf(context);
  // Turndown and the sanitiser need a DOM: the export runs in an extension page, not a worker.
  if (typeof document === 'undefined')
    throw new Error('The Markdown export needs a page with a DOM');
  const converter = createMarkdownConverter(document);
  const names = new MarkdownFileNames();
  names.reserve(MARKDOWN_INDEX_FILE);
  const exportTime = zipTime(context.now.toISOString(), new Date(1980, 0, 1));
  const output = new ZipOutput();
  // Only titles and names are kept for the index, never the bodies.
  const index: IndexEntry[] = [];
  const pictures = context.pictures ? new ArchivedPictures(context.pictures, output) : null;

  for await (const article of articles) {
    const fileName = names.nameFor(article);
    const localImages = pictures ? await pictures.addFor(article, exportTime) : undefined;
    // The pictures go out before the article that shows them, one article's worth at a time.
    yield* output.take();
    output.addFile(
      fileName,
      articleMarkdown(article, converter, labels, localImages),
      zipTime(article.updatedAt, exportTime),
    );
    index.push({ title: article.title, fileName });
    yield* output.take();
  }
  output.addFile(MARKDOWN_INDEX_FILE, indexMarkdown(index, labels.index, converter), exportTime);
  output.zip.end();
  yield* output.take();
}

export const markdownZipFormat: ExportFormat = {
  id: 'markdown-zip',
  extension: 'zip',
  mimeType: 'application/zip',
  // A Markdown archive is for reading elsewhere, where the pictures are part of the article.
  imagesByDefault: true,
  write: markdownZip,
};
