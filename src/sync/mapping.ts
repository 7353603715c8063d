/**
 * Between the library's records and their synced state (crdt.ts): what changed locally becomes
 * new writes in the state (`recordLocalChanges`), and a state becomes the records this device
 * stores (`renderState`).
 *
 * A local change is found by comparing the records with what the last known state renders to,
 * so every way the library is written (the background, the import page, an undo) is synced
 * without each writer having to describe its change.
 */
import * as v from 'valibot';
import { AnnotationSchema, bodyFor, noteOf, type Annotation } from '../shared/annotation.ts';
import { ArticleRecordSchema, SOURCED_FIELDS, type ArticleRecord } from '../shared/article.ts';
import {
  annotationExists,
  articleExists,
  compactArticle,
  compareStamps,
  emptyAnnotationState,
  renderText,
  tagPresent,
  writeText,
  type AnnotationState,
  type ArticleState,
  type Register,
  type Stamp,
} from './crdt.ts';

/** Article fields that are not plain registers: the id names the state, the rest have own rules. */
const ARTICLE_SPECIAL = new Set(['id', 'tags', 'note', 'fieldSources', 'urlKeys']);
const SOURCE_PREFIX = 'source:';
/** The note is the annotation's body; its motivation follows from whether there is one. */
const ANNOTATION_SPECIAL = new Set(['id', 'articleId', 'body', 'motivation']);

export interface LocalArticle {
  article: ArticleRecord | null;
  annotations: Annotation[];
}

/**
 * JSON with sorted keys, so two equal values written by different code (or merged in another
 * order) compare equal. Hand-written: a replacer that copies each object is several times slower
 * on article states, which a sync compares by the thousand.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonical(record[key])}`);
  }
  return `{${parts.join(',')}}`;
}

function articleRegisters(article: ArticleRecord): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article)) {
    if (!ARTICLE_SPECIAL.has(key)) values[key] = value;
  }
  for (const field of SOURCED_FIELDS) {
    values[SOURCE_PREFIX + field] = article.fieldSources[field] ?? null;
  }
  return values;
}

function annotationRegisters(annotation: Annotation): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(annotation)) {
    if (!ANNOTATION_SPECIAL.has(key)) values[key] = value;
  }
  return values;
}

/**
 * Each value that differs from the state's becomes a write with `stamp`. With `asRead` (what this
 * version reads each register as), a value is compared with that instead: a register holding what
 * only a newer version understands (a field source it added) reads here as absent, and must not
 * be overwritten with "absent" because the user changed something else.
 */
function writeRegisters(
  current: Record<string, Register<unknown>>,
  values: Record<string, unknown>,
  stamp: Stamp,
  asRead?: Record<string, unknown>,
): Record<string, Register<unknown>> {
  const next = { ...current };
  for (const [key, value] of Object.entries(values)) {
    const known = current[key];
    const unchanged =
      asRead && key in asRead
        ? canonical(asRead[key]) === canonical(value)
        : known !== undefined && canonical(known.v) === canonical(value);
    if (!unchanged) next[key] = { v: value, s: stamp };
  }
  return next;
}

/** The article's registers as this version reads them from `state`; none when it cannot. */
function registersAsRead(state: ArticleState): Record<string, unknown> | undefined {
  const article = renderIfReadable(state)?.article;
  return article ? articleRegisters(article) : undefined;
}

function presentTags(state: ArticleState): string[] {
  return Object.values(state.tags)
    .filter(tagPresent)
    .sort((a, b) => compareStamps(a.added, b.added) || (a.name < b.name ? -1 : 1))
    .map((tag) => tag.name);
}

function writeTags(state: ArticleState, tags: readonly string[], stamp: Stamp) {
  const next = { ...state.tags };
  const wanted = new Map(tags.map((tag) => [tag.toLowerCase(), tag]));
  for (const [key, name] of wanted) {
    const known = next[key];
    if (!known || !tagPresent(known) || known.name !== name) {
      next[key] = { name, added: stamp, removed: known?.removed ?? null };
    }
  }
  for (const [key, tag] of Object.entries(next)) {
    if (!wanted.has(key) && tagPresent(tag)) next[key] = { ...tag, removed: stamp };
  }
  return next;
}

function writeAnnotation(
  state: AnnotationState,
  annotation: Annotation,
  stamp: Stamp,
): AnnotationState {
  const note = noteOf(annotation);
  return {
    fields: writeRegisters(state.fields, annotationRegisters(annotation), stamp),
    note: renderText(state.note) === note ? state.note : writeText(state.note, note, stamp),
    alive: annotationExists(state) ? state.alive : { v: true, s: stamp },
  };
}

/**
 * The state after this device's changes: everything in `local` that differs from what `state`
 * renders is written with `stamp`; an article or annotation gone from `local` is deleted.
 */
export function recordLocalChanges(
  state: ArticleState,
  local: LocalArticle,
  stamp: Stamp,
): ArticleState {
  const { article } = local;
  if (!article) {
    if (!articleExists(state)) return state;
    return compactArticle({ ...state, alive: { v: false, s: stamp } });
  }
  const annotations: Record<string, AnnotationState> = { ...state.annotations };
  const localIds = new Set<string>();
  for (const annotation of local.annotations) {
    localIds.add(annotation.id);
    const known = annotations[annotation.id] ?? emptyAnnotationState();
    annotations[annotation.id] = writeAnnotation(known, annotation, stamp);
  }
  for (const [id, annotation] of Object.entries(annotations)) {
    if (!localIds.has(id) && annotationExists(annotation)) {
      annotations[id] = { fields: {}, note: [], alive: { v: false, s: stamp } };
    }
  }
  return compactArticle({
    id: state.id,
    fields: writeRegisters(state.fields, articleRegisters(article), stamp, registersAsRead(state)),
    note:
      renderText(state.note) === article.note
        ? state.note
        : writeText(state.note, article.note, stamp),
    tags: writeTags(state, article.tags, stamp),
    annotations,
    alive: articleExists(state) ? state.alive : { v: true, s: stamp },
  });
}

export class UnreadableStateError extends Error {
  override name = 'UnreadableStateError';
}

function renderAnnotation(
  id: string,
  articleId: string,
  state: AnnotationState,
): Annotation | null {
  if (!annotationExists(state)) return null;
  const note = renderText(state.note);
  const candidate: Record<string, unknown> = { id, articleId, body: bodyFor(note) };
  for (const [key, register] of Object.entries(state.fields)) candidate[key] = register.v;
  candidate.motivation = note.trim() ? 'commenting' : 'highlighting';
  const parsed = v.safeParse(AnnotationSchema, candidate);
  if (!parsed.success) {
    throw new UnreadableStateError(`annotation ${id}: ${parsed.issues[0]?.message ?? ''}`);
  }
  return parsed.output;
}

/**
 * The records a state stands for on this device: the article (null when deleted) and its
 * annotations, oldest first. A state that does not make a valid record is refused whole.
 */
export function renderState(state: ArticleState): LocalArticle {
  if (!articleExists(state)) return { article: null, annotations: [] };
  const candidate: Record<string, unknown> = { id: state.id, fieldSources: {} };
  const sources: Record<string, unknown> = {};
  for (const [key, register] of Object.entries(state.fields)) {
    if (key.startsWith(SOURCE_PREFIX)) {
      if (register.v !== null) sources[key.slice(SOURCE_PREFIX.length)] = register.v;
    } else {
      candidate[key] = register.v;
    }
  }
  candidate.fieldSources = sources;
  candidate.tags = presentTags(state);
  candidate.note = renderText(state.note);
  const parsed = v.safeParse(ArticleRecordSchema, candidate);
  if (!parsed.success) {
    const path = parsed.issues[0]?.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new UnreadableStateError(
      `article ${state.id}: ${path} ${parsed.issues[0]?.message ?? ''}`,
    );
  }
  const annotations: Annotation[] = [];
  for (const [id, annotation] of Object.entries(state.annotations)) {
    const rendered = renderAnnotation(id, state.id, annotation);
    if (rendered) annotations.push(rendered);
  }
  annotations.sort((a, b) => a.created.localeCompare(b.created) || (a.id < b.id ? -1 : 1));
  return { article: parsed.output, annotations };
}

/**
 * What a state renders to, or null when this version of Margins cannot read it (a value a newer
 * version wrote, a text beyond the bounds): one such article must not stop the sync of the
 * others, nor be lost.
 */
export function renderIfReadable(state: ArticleState): LocalArticle | null {
  try {
    return renderState(state);
  } catch (error) {
    if (error instanceof UnreadableStateError) return null;
    throw error;
  }
}

/** Whether this device already stores exactly what a state renders to. */
export function sameRecords(rendered: LocalArticle, stored: LocalArticle): boolean {
  if (!stored.article || !rendered.article) return stored.article === rendered.article;
  if (rendered.annotations.length !== stored.annotations.length) return false;
  const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  return (
    canonical(rendered.article) === canonical(stored.article) &&
    canonical(byId(rendered.annotations)) === canonical(byId(stored.annotations))
  );
}
