/**
 * Omnivore's export archive (2024), as its exporter wrote it (omnivore-app/omnivore,
 * packages/api/src/jobs/export.ts):
 * - `metadata_<from>_to_<to>.json`: arrays of `{ id, slug, title, description, author, url,
 *   state ("Active" | "Archived" | "Unknown"), readingProgress, thumbnail, labels (names),
 *   savedAt, updatedAt, publishedAt }`, dates as ISO timestamps;
 * - `content/<slug>.html`: the readable content Omnivore kept, used as the article body
 *   (`content/<slug>.pdf` for uploaded PDFs is not read);
 * - `highlights/<slug>.md`: the highlights and notes (see omnivore-highlights.ts).
 *
 * Mapping: labels → tags, state "Archived" → archived, author → byline, description → excerpt,
 * thumbnail → lead image, publishedAt → publishedTime.
 */
import * as v from 'valibot';
import { readArchiveTexts } from '../archive.ts';
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { ZIP_ENTRY } from '../detect.ts';
import { parseJsonEntry } from '../json.ts';
import { quoted } from '../problems.ts';
import { plainText } from '../text.ts';
import type { ImportedItem } from '../types.ts';
import { describeIssues } from '../validation.ts';
import { parseOmnivoreHighlights } from './omnivore-highlights.ts';

const text = v.optional(v.nullable(v.string()));

const OmnivoreItemSchema = v.object({
  slug: text,
  title: text,
  description: text,
  author: text,
  url: text,
  state: text,
  thumbnail: text,
  // Label names; objects with a name are accepted too, as Omnivore's API returned them.
  labels: v.optional(v.nullable(v.array(v.union([v.string(), v.object({ name: v.string() })])))),
  savedAt: text,
  publishedAt: text,
});
type OmnivoreItem = v.InferOutput<typeof OmnivoreItemSchema>;

/** Archive entries by the slug in their name (`content/<slug>.html` → slug). */
function bySlug(texts: Map<string, string>, pattern: RegExp): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  for (const [name, content] of texts) {
    const slug = pattern.exec(name)?.[1];
    if (slug !== undefined) found.set(slug, [name, content]);
  }
  return found;
}

function addItem(
  origin: string,
  item: OmnivoreItem,
  contents: Map<string, [string, string]>,
  highlightFiles: Map<string, [string, string]>,
  context: FormatContext,
): void {
  const slug = item.slug ?? '';
  const marked = highlightFiles.get(slug);
  highlightFiles.delete(slug);
  const { highlights, articleNote } = parseOmnivoreHighlights(marked?.[1] ?? '');
  context.items.add(origin, {
    url: item.url,
    title: plainText(item.title ?? ''),
    savedAt: context.dates.timestamp(item.savedAt, origin, 'savedAt'),
    tags: (item.labels ?? []).map((label) => (typeof label === 'string' ? label : label.name)),
    archived: item.state?.toLowerCase() === 'archived',
    byline: plainText(item.author ?? ''),
    publishedTime: context.dates.publishedTime(item.publishedAt, origin, 'publishedAt'),
    excerpt: plainText(item.description ?? ''),
    leadImageUrl: item.thumbnail,
    contentHtml: contents.get(slug)?.[1] ?? null,
    note: articleNote,
    highlights,
  });
}

export async function parseOmnivoreZip(
  bytes: Uint8Array,
  context: FormatContext,
): Promise<ImportedItem[]> {
  const texts = readArchiveTexts(bytes, context, (name) =>
    [ZIP_ENTRY.omnivoreMetadata, ZIP_ENTRY.omnivoreContent, ZIP_ENTRY.omnivoreHighlights].some(
      (pattern) => pattern.test(name),
    ),
  );
  context.progress.report(0.3);
  const contents = bySlug(texts, ZIP_ENTRY.omnivoreContent);
  const highlightFiles = bySlug(texts, ZIP_ENTRY.omnivoreHighlights);
  const metadataFiles = [...texts].filter(([name]) => ZIP_ENTRY.omnivoreMetadata.test(name));
  for (const [fileIndex, [name, json]] of metadataFiles.entries()) {
    const parsed = parseJsonEntry(json, name, context.problems);
    if (parsed === undefined) continue;
    if (!Array.isArray(parsed)) {
      context.problems.skip(name, 'invalid-entry', '(root): expected an array');
      continue;
    }
    for (const [index, raw] of parsed.entries()) {
      const origin = `${name}, entry ${index + 1}`;
      const item = v.safeParse(OmnivoreItemSchema, raw);
      if (item.success) addItem(origin, item.output, contents, highlightFiles, context);
      else context.problems.skip(origin, 'invalid-entry', describeIssues(item.issues));
      if (index % BREATHE_EVERY === 0) await context.progress.breathe();
    }
    context.progress.report(0.3 + (0.7 * (fileIndex + 1)) / metadataFiles.length);
  }
  // Highlights whose article is not in any metadata file cannot be placed anywhere.
  // One problem per highlight, so the report accounts for each of them by its quote.
  for (const [name, markdown] of highlightFiles.values()) {
    const { highlights } = parseOmnivoreHighlights(markdown);
    // A file of notes alone is still reported, as the one thing left out.
    if (highlights.length === 0) {
      context.problems.skip(name, 'orphan-highlights', 'no metadata entry with this slug');
    }
    for (const highlight of highlights) {
      context.problems.skip(
        name,
        'orphan-highlights',
        `no metadata entry with this slug: ${quoted(highlight.quote, 80)}`,
      );
    }
  }
  context.progress.report(1);
  return context.items.items;
}
