/**
 * Omnivore's `highlights/<slug>.md`, as its exporter wrote it (omnivore-app/omnivore,
 * packages/api: `highlightToMarkdown`, highlights joined by a blank line):
 *
 *   > quoted text, blank lines inside it written as "> " lines
 *
 *   #label #label        (when the highlight had labels)
 *
 *   the note              (when it had one)
 *
 * and a note without a quote written as its bare text. The blocks are read in that order: a
 * block starting with ">" opens a highlight, a block of only #labels is passed over (Margins'
 * highlights have no labels), and other text is the note of the highlight before it, or the
 * article's note when no highlight came before.
 */
import type { ImportedHighlight } from '../types.ts';

export interface OmnivoreHighlights {
  highlights: ImportedHighlight[];
  /** Notes written before any quote: notes on the article itself. */
  articleNote: string;
}

const LABELS_ONLY = /^(?:#\S+\s*)+$/;

function blocksOf(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim()) {
      current.push(line);
      continue;
    }
    if (current.length) blocks.push(current);
    current = [];
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** The quote of a "> " block: markers removed, "> " lines back to paragraph breaks. */
function quoteOf(lines: string[]): string {
  return lines
    .map((line) => line.replace(/^>\s?/, ''))
    .join('\n')
    .trim();
}

export function parseOmnivoreHighlights(markdown: string): OmnivoreHighlights {
  const highlights: ImportedHighlight[] = [];
  const articleNotes: string[] = [];
  // Labels are written only right after their quote; elsewhere "#1 priority" is a note.
  let afterQuote = false;
  for (const lines of blocksOf(markdown)) {
    const text = lines.join('\n').trim();
    const current = highlights.at(-1);
    if (lines[0]?.startsWith('>')) {
      highlights.push({ quote: quoteOf(lines), note: '', created: null });
      afterQuote = true;
      continue;
    }
    const isLabels = afterQuote && LABELS_ONLY.test(text);
    afterQuote = false;
    if (isLabels) continue;
    if (current) current.note = current.note ? `${current.note}\n\n${text}` : text;
    else articleNotes.push(text);
  }
  return { highlights, articleNote: articleNotes.join('\n\n') };
}
