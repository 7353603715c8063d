/**
 * Pocket's export archive (2023–2025): `part_000000.csv`, `part_000001.csv`… (see pocket-csv.ts)
 * and `annotations/part_000000.json`… with the highlights.
 *
 * The annotations files are JSON arrays of `{ url, title, highlights: [{ quote, created_at }] }`,
 * `url` being the saved address as in the CSV and `created_at` Unix seconds. Confirmed in
 * Pocket's open-sourced export service (Pocket/pocket-monorepo, AnnotationsDataExportService
 * and its test); Pocket highlights carry no note. A numeric string for `created_at` is accepted
 * too, in case a file went through a tool that wrote numbers as text.
 */
import * as v from 'valibot';
import { readArchiveTexts } from '../archive.ts';
import type { FormatContext } from '../context.ts';
import { ZIP_ENTRY } from '../detect.ts';
import { parseJsonEntry } from '../json.ts';
import { quoted } from '../problems.ts';
import type { ImportedItem } from '../types.ts';
import { describeIssues } from '../validation.ts';
import { addPocketCsvRows } from './pocket-csv.ts';

const PocketAnnotationSchema = v.object({
  url: v.string(),
  highlights: v.array(
    v.object({
      quote: v.string(),
      created_at: v.optional(v.nullable(v.union([v.number(), v.string()]))),
    }),
  ),
});

function addAnnotations(name: string, text: string, context: FormatContext): void {
  const parsed = parseJsonEntry(text, name, context.problems);
  if (parsed === undefined) return;
  if (!Array.isArray(parsed)) {
    context.problems.skip(name, 'invalid-entry', '(root): expected an array');
    return;
  }
  for (const [index, raw] of parsed.entries()) {
    const origin = `${name}, entry ${index + 1}`;
    const entry = v.safeParse(PocketAnnotationSchema, raw);
    if (!entry.success) {
      context.problems.skip(origin, 'invalid-entry', describeIssues(entry.issues));
      continue;
    }
    const item = context.items.findByUrl(entry.output.url);
    if (!item) {
      // One problem per highlight, so the report accounts for each of them by its quote.
      for (const highlight of entry.output.highlights) {
        context.problems.skip(
          origin,
          'orphan-highlights',
          `${quoted(entry.output.url)}: ${quoted(highlight.quote, 80)}`,
        );
      }
      continue;
    }
    context.items.attachHighlights(
      item,
      origin,
      entry.output.highlights.map((highlight) => ({
        quote: highlight.quote,
        note: '',
        created: context.dates.unixSeconds(highlight.created_at, origin, 'created_at'),
      })),
    );
  }
}

export async function parsePocketZip(
  bytes: Uint8Array,
  context: FormatContext,
): Promise<ImportedItem[]> {
  const texts = readArchiveTexts(
    bytes,
    context,
    (name) => ZIP_ENTRY.pocketPart.test(name) || ZIP_ENTRY.pocketAnnotations.test(name),
  );
  context.progress.report(0.2);
  const parts = [...texts].filter(([name]) => ZIP_ENTRY.pocketPart.test(name));
  for (const [index, [name, text]] of parts.entries()) {
    const from = 0.2 + (0.7 * index) / parts.length;
    await addPocketCsvRows(text, name, context, (fraction) =>
      context.progress.report(from + (0.7 * fraction) / parts.length),
    );
  }
  // Highlights last: they are matched to the items of every part by address.
  for (const [name, text] of texts) {
    if (ZIP_ENTRY.pocketAnnotations.test(name)) addAnnotations(name, text, context);
  }
  context.progress.report(1);
  return context.items.items;
}
