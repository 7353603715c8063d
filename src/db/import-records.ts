/**
 * The merge rules of an import, as pure functions on records: what an entry of another service
 * becomes in Margins, and how an incoming entry and the article already saved for its address
 * become one. The transaction that reads and writes them is in import.ts.
 */
import { bodyFor, type Annotation } from '../shared/annotation.ts';
import {
  EDITABLE_FIELDS,
  ArticleSnapshotSchema,
  type ArticleRecord,
  type FieldSources,
} from '../shared/article.ts';
import type { ExportedArticle } from '../shared/export-format.ts';
import { MAX_NOTE } from '../shared/note-limits.ts';
import type { ImportedItem } from '../import/types.ts';
import { splitAuthors } from './edits.ts';
import type { ImportedBody } from './import-body.ts';

/** Fields that describe the page itself (as a save finds them), not the user's own data. */
const PAGE_FIELDS = Object.keys(ArticleSnapshotSchema.entries) as (keyof ArticleRecord)[];

/** A new record for an entry of another service, in the field order of a save. */
export function recordFromItem(
  item: ImportedItem,
  body: ImportedBody | null,
  id: string,
  now: Date,
): ArticleRecord {
  const timestamp = now.toISOString();
  return {
    // No body: a link, shown as "not fetched yet" until the page is saved from the browser.
    kind: body ? 'article' : 'link',
    url: item.url,
    canonicalUrl: null,
    originalSourceUrl: null,
    title: item.title,
    byline: item.byline,
    authors: splitAuthors(item.byline),
    siteName: item.siteName,
    publishedTime: item.publishedTime,
    modifiedTime: null,
    lang: null,
    dir: null,
    excerpt: item.excerpt,
    contentHtml: body?.contentHtml ?? '',
    wordCount: body?.wordCount ?? 0,
    leadImageUrl: item.leadImageUrl,
    fieldSources: {},
    id,
    savedAt: item.savedAt ?? timestamp,
    updatedAt: timestamp,
    tags: item.tags,
    note: item.note,
    readAt: null,
    // When it was archived elsewhere is not known; it is archived in Margins from now.
    archivedAt: item.archived ? timestamp : null,
  };
}

/** Both lists, each tag once (compared case-insensitively), the saved article's tags first. */
export function unionTags(saved: readonly string[], incoming: readonly string[]): string[] {
  const seen = new Set(saved.map((tag) => tag.toLocaleLowerCase()));
  const added = incoming.filter((tag) => {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return added.length > 0 ? [...saved, ...added] : [...saved];
}

/**
 * Both notes kept: an incoming note already contained in the saved one (a second import of the
 * same file) adds nothing.
 */
export function combineNotes(saved: string, incoming: string): string {
  if (!incoming.trim() || saved.includes(incoming)) return saved;
  if (!saved.trim() || incoming.includes(saved)) return incoming.slice(0, MAX_NOTE);
  return `${saved}\n\n${incoming}`.slice(0, MAX_NOTE);
}

const earlier = (a: string, b: string) => (a <= b ? a : b);
const later = (a: string, b: string) => (a >= b ? a : b);

/**
 * An entry of another service merged into the article saved for its address: the saved page
 * data stays (it came from the page itself), tags and notes are added, and a body fills an
 * article that had none. Read and archived states stay as the user has them in Margins.
 */
export function mergeItem(saved: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const merged: ArticleRecord = {
    ...saved,
    tags: unionTags(saved.tags, incoming.tags),
    note: combineNotes(saved.note, incoming.note),
  };
  if (!saved.contentHtml && incoming.contentHtml) {
    merged.kind = 'article';
    merged.contentHtml = incoming.contentHtml;
    merged.wordCount = incoming.wordCount;
  }
  return merged;
}

/**
 * A Margins record merged into the one saved for its address. For the page data, the record
 * changed last wins, field by field, except that a field the user corrected (source 'user')
 * keeps the correction over a value found on the page. Tags and notes are united; the first
 * save and first read are the earlier ones; the archived state follows the newer record.
 */
export function mergeRecord(saved: ArticleRecord, incoming: ArticleRecord): ArticleRecord {
  const incomingIsNewer = incoming.updatedAt > saved.updatedAt;
  const newer = incomingIsNewer ? incoming : saved;
  const merged: ArticleRecord = { ...saved };
  const fieldSources: FieldSources = { ...newer.fieldSources };
  for (const field of PAGE_FIELDS) {
    if (field === 'fieldSources') continue;
    (merged as Record<string, unknown>)[field] = newer[field];
  }
  for (const field of EDITABLE_FIELDS) {
    const savedIsUser = saved.fieldSources[field] === 'user';
    const incomingIsUser = incoming.fieldSources[field] === 'user';
    const keep =
      savedIsUser && !incomingIsUser ? saved : incomingIsUser && !savedIsUser ? incoming : newer;
    if (field === 'title') merged.title = keep.title;
    else merged[field] = keep[field];
    fieldSources[field] = keep.fieldSources[field];
    if (field === 'byline') merged.authors = keep.authors;
  }
  // A field without a recorded source has no key at all, as in a saved record.
  merged.fieldSources = Object.fromEntries(
    Object.entries(fieldSources).filter(([, source]) => source !== undefined),
  ) as FieldSources;
  merged.tags = unionTags(saved.tags, incoming.tags);
  merged.note = combineNotes(saved.note, incoming.note);
  merged.savedAt = earlier(saved.savedAt, incoming.savedAt);
  merged.updatedAt = later(saved.updatedAt, incoming.updatedAt);
  merged.readAt =
    saved.readAt && incoming.readAt
      ? earlier(saved.readAt, incoming.readAt)
      : (saved.readAt ?? incoming.readAt);
  merged.archivedAt = newer.archivedAt ?? null;
  return merged;
}

/** A record without its annotations and images, keeping the rest of an exported article as it is. */
export function recordOf(article: ExportedArticle): ArticleRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- both are stored apart.
  const { annotations, images, ...record } = article;
  return record;
}

/** A highlight of another service placed in the article text, as the reader would make it. */
export function highlightAnnotation(
  id: string,
  article: Pick<ArticleRecord, 'id' | 'url'>,
  selector: Annotation['target']['selector'],
  note: string,
  created: string,
): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: note.trim() ? 'commenting' : 'highlighting',
    created,
    modified: created,
    body: bodyFor(note),
    target: { source: article.url, selector },
    articleId: article.id,
    colour: 'yellow',
  };
}

/** The same record, compared by value (both built in the same field order). */
export function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
