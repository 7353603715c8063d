/**
 * `extract --explain`: each recorded field's value and where it came from, then what every
 * metadata source found for it, so a choice can be followed from its candidates.
 */
import { extractArticle } from '../../src/content/extract/index.ts';
import type { Readings } from '../../src/content/extract/fields.ts';
import type { Found } from '../../src/content/extract/sources/types.ts';
import type { ArticleSnapshot, SourcedField } from '../../src/shared/article.ts';

/** The snapshot's field each candidate key of a source stands for. */
const CANDIDATE_FIELDS: readonly [SourcedField, keyof Found, keyof ArticleSnapshot][] = [
  ['title', 'title', 'title'],
  ['byline', 'authors', 'authors'],
  ['publishedTime', 'publishedTime', 'publishedTime'],
  ['modifiedTime', 'modifiedTime', 'modifiedTime'],
  ['siteName', 'siteName', 'siteName'],
  ['lang', 'lang', 'lang'],
  ['canonicalUrl', 'url', 'canonicalUrl'],
  ['excerpt', 'description', 'excerpt'],
  ['leadImageUrl', 'image', 'leadImageUrl'],
];

/** Candidates a field is chosen from in some cases only, each with what it is. */
const FURTHER_CANDIDATES: Partial<Record<SourcedField, readonly [keyof Found, string][]>> = {
  // Credits printed after the first, asked when that first one names the publication.
  byline: [['laterCredits', 'later credit']],
  // A date the metadata gives without saying what it dates; the day printed with the headline.
  publishedTime: [
    ['pageDate', 'page date'],
    ['headlineDate', 'with the headline'],
  ],
};

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);

/** The explanation of one page's extraction, as lines of text. */
export function explainExtraction(doc: Document): string {
  let readings: Readings | null = null;
  const snapshot = extractArticle(doc, (observed) => (readings = observed));
  const candidates = (readings as Readings | null)?.everything() ?? {};
  const lines: string[] = [];
  for (const [field, key, snapshotKey] of CANDIDATE_FIELDS) {
    const source = snapshot.fieldSources[field] ?? 'none';
    lines.push(`${field}: ${shown(snapshot[snapshotKey])} ← ${source}`);
    for (const [name, found] of Object.entries(candidates)) {
      const value = found[key];
      if (!isEmpty(value)) lines.push(`    ${name}: ${shown(value)}`);
    }
    for (const [extra, label] of FURTHER_CANDIDATES[field] ?? []) {
      for (const [name, found] of Object.entries(candidates)) {
        if (!isEmpty(found[extra])) lines.push(`    ${name} (${label}): ${shown(found[extra])}`);
      }
    }
  }
  for (const failure of snapshot.extractionFailures ?? []) {
    lines.push(`failed: ${failure.step}: ${failure.error}`);
  }
  return `${lines.join('\n')}\n`;
}
