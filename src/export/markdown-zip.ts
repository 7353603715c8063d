/**
 * A ZIP of Markdown files, one per article, plus `index.md` linking them all. The archive is
 * written as it goes: each file is compressed and handed on before the next article is read.
 */
import { Zip, ZipDeflate } from 'fflate';
import type { ExportedArticle } from '../shared/export-format.ts';
import { createMarkdownConverter, type MarkdownConverter } from './html-to-markdown.ts';
import { articleMarkdown } from './markdown-article.ts';
import { MarkdownFileNames } from './markdown-file-name.ts';
import { labelsOf, type ExportChunk, type ExportContext, type ExportFormat } from './types.ts';

export const MARKDOWN_INDEX_FILE = 'index.md';

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

  /** The bytes written so far (ZipDeflate works synchronously, so a pushed file is complete). */
  take(): ExportChunk[] {
    if (this.failure) throw this.failure;
    const taken = this.pending;
    this.pending = [];
    return taken;
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

  for await (const article of articles) {
    const fileName = names.nameFor(article);
    output.addFile(
      fileName,
      articleMarkdown(article, converter, labels),
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
  write: markdownZip,
};
