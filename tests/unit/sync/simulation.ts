/**
 * Replicas of one article, as the sync engine keeps them but without a database or a server:
 * each replica holds the records the user edits (`local`) and its synced state. A user's change
 * is made to the records the way the db functions make it, then found and stamped by
 * `recordLocalChanges`; a sync joins one replica's state into another's and renders it back to
 * that replica's records.
 *
 * Alongside, the simulation keeps a model of what the user typed and saw: every note written,
 * which writes its writer had seen, and every delete, so a test can tell which typed texts the
 * conflict rules promise to keep.
 */
import fc from 'fast-check';
import { makeRecord } from '../helpers/snapshot.ts';
import { bodyFor, noteOf, type Annotation } from '../../../src/shared/annotation.ts';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import {
  TEXT_VERSIONS_SEPARATOR,
  emptyArticleState,
  joinArticle,
  type ArticleState,
} from '../../../src/sync/crdt.ts';
import {
  canonical,
  recordLocalChanges,
  renderState,
  type LocalArticle,
} from '../../../src/sync/mapping.ts';

export const ARTICLE_ID = 'article-1';
const URL = 'https://news.example/2024/06/story';
const BODY = 'The council voted on Tuesday after a long debate about housing.';
export const TAGS = ['news', 'News', 'politics', 'later'] as const;
const COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;

export type Operation =
  | { kind: 'page-note'; replica: number; clear: boolean }
  | { kind: 'annotation-note'; replica: number; pick: number; clear: boolean }
  | { kind: 'tag'; replica: number; tag: number; add: boolean }
  | { kind: 'title'; replica: number; title: number }
  | { kind: 'read'; replica: number; read: boolean }
  | { kind: 'archive'; replica: number; archived: boolean }
  | { kind: 'add-annotation'; replica: number; colour: number; withNote: boolean }
  | { kind: 'delete-annotation'; replica: number; pick: number }
  | { kind: 'delete-article'; replica: number }
  | { kind: 'restore-article'; replica: number }
  | { kind: 'sync'; from: number; to: number; remoteFirst: boolean };

/** How often each kind of operation is drawn (0: never). */
export type OperationWeights = Record<Operation['kind'], number>;

export const EVERY_OPERATION: OperationWeights = {
  'page-note': 3,
  'annotation-note': 3,
  tag: 2,
  title: 1,
  read: 1,
  archive: 1,
  'add-annotation': 2,
  'delete-annotation': 1,
  'delete-article': 1,
  'restore-article': 1,
  sync: 4,
};

/** Typed text against deletes and undos: where a note could be lost, if anywhere. */
export const NOTES_AND_DELETES: OperationWeights = {
  'page-note': 3,
  'annotation-note': 3,
  tag: 0,
  title: 0,
  read: 0,
  archive: 0,
  'add-annotation': 2,
  'delete-annotation': 1,
  'delete-article': 3,
  'restore-article': 6,
  sync: 5,
};

export function operationArbitrary(
  replicas: number,
  weights: OperationWeights = EVERY_OPERATION,
): fc.Arbitrary<Operation> {
  const replica = fc.nat({ max: replicas - 1 });
  const pick = fc.nat({ max: 7 });
  const kind = <K extends Operation['kind']>(name: K) => fc.constant(name);
  const arbitraries: { [K in Operation['kind']]: fc.Arbitrary<Extract<Operation, { kind: K }>> } = {
    'page-note': fc.record({ kind: kind('page-note'), replica, clear: fc.boolean() }),
    'annotation-note': fc.record({
      kind: kind('annotation-note'),
      replica,
      pick,
      clear: fc.boolean(),
    }),
    tag: fc.record({
      kind: kind('tag'),
      replica,
      tag: fc.nat({ max: TAGS.length - 1 }),
      add: fc.boolean(),
    }),
    title: fc.record({ kind: kind('title'), replica, title: fc.nat({ max: 3 }) }),
    read: fc.record({ kind: kind('read'), replica, read: fc.boolean() }),
    archive: fc.record({ kind: kind('archive'), replica, archived: fc.boolean() }),
    'add-annotation': fc.record({
      kind: kind('add-annotation'),
      replica,
      colour: fc.nat({ max: COLOURS.length - 1 }),
      withNote: fc.boolean(),
    }),
    'delete-annotation': fc.record({ kind: kind('delete-annotation'), replica, pick }),
    'delete-article': fc.record({ kind: kind('delete-article'), replica }),
    'restore-article': fc.record({ kind: kind('restore-article'), replica }),
    sync: fc.record({ kind: kind('sync'), from: replica, to: replica, remoteFirst: fc.boolean() }),
  };
  const drawn = (Object.keys(weights) as Operation['kind'][])
    .filter((name) => weights[name] > 0)
    .map((name) => ({
      weight: weights[name],
      arbitrary: arbitraries[name] as fc.Arbitrary<Operation>,
    }));
  return fc.oneof(...drawn);
}

export interface SimReplica {
  device: string;
  state: ArticleState;
  local: LocalArticle;
  /** What this replica's last article delete removed, for an undo. */
  undo: LocalArticle | null;
  /** The events (note writes, deletes) whose effect this replica's state has seen. */
  knows: Set<number>;
}

/** A note set to a new text: the page's note (`target` 'page') or an annotation's (its id). */
export interface NoteWrite {
  event: number;
  target: string;
  /** The typed texts it holds (a restore writes back every text the deleted note showed). */
  texts: string[];
  t: number;
  /** The events its replica had seen when it was written. */
  seen: ReadonlySet<number>;
}

/** A delete of the article (`target` 'article') or of one annotation (its id). */
export interface Deletion {
  event: number;
  target: string;
  t: number;
}

/** A record time for the simulation's clock tick `t`. */
export function iso(t: number): string {
  return new Date(Date.UTC(2026, 0, 1) + t * 1000).toISOString();
}

function initialArticle(t: number): ArticleRecord {
  return makeRecord(
    {
      url: URL,
      canonicalUrl: URL,
      publishedTime: '2024-06-18',
      excerpt: BODY,
      contentHtml: `<p>${BODY}</p>`,
      textContent: BODY,
      wordCount: 11,
      fieldSources: { title: 'readability' },
    },
    { id: ARTICLE_ID, savedAt: iso(t) },
  );
}

/** The typed texts a rendered note shows (versions are joined by a separator). */
export function textsOf(note: string): string[] {
  return note ? note.split(TEXT_VERSIONS_SEPARATOR) : [];
}

export class Simulation {
  readonly replicas: SimReplica[];
  readonly noteWrites: NoteWrite[] = [];
  readonly deletions: Deletion[] = [];
  /** Every state any replica held, for the merge laws. */
  readonly states: ArticleState[] = [];
  private clock = 0;
  private events = 0;
  private annotationCount = 0;

  constructor(count: number) {
    this.replicas = Array.from({ length: count }, (_unused, at) => ({
      device: `device-${at}`,
      state: emptyArticleState(ARTICLE_ID),
      local: { article: null, annotations: [] },
      undo: null,
      knows: new Set<number>(),
    }));
    const first = this.replicas[0] as SimReplica;
    const t = this.tick();
    first.local = { article: initialArticle(t), annotations: [] };
    this.record(first, t);
  }

  private tick(): number {
    this.clock += 1;
    return this.clock;
  }

  private record(replica: SimReplica, t: number) {
    replica.state = recordLocalChanges(replica.state, replica.local, { t, d: replica.device });
    this.states.push(replica.state);
  }

  private noteWrite(replica: SimReplica, target: string, texts: string[], t: number) {
    const event = (this.events += 1);
    this.noteWrites.push({ event, target, texts, t, seen: new Set(replica.knows) });
    replica.knows.add(event);
  }

  private deletion(replica: SimReplica, target: string, t: number) {
    const event = (this.events += 1);
    this.deletions.push({ event, target, t });
    replica.knows.add(event);
  }

  private newAnnotation(article: ArticleRecord, colour: number, note: string, t: number) {
    this.annotationCount += 1;
    const id = `urn:uuid:00000000-0000-4000-8000-${this.annotationCount.toString(16).padStart(12, '0')}`;
    const start = (this.annotationCount * 7) % 40;
    const exact = BODY.slice(start, start + 10);
    const annotation: Annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      motivation: note ? 'commenting' : 'highlighting',
      created: iso(t),
      modified: iso(t),
      body: bodyFor(note),
      target: {
        source: article.url,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
      },
      articleId: article.id,
      colour: COLOURS[colour] ?? 'yellow',
    };
    return annotation;
  }

  /** Applies one operation; an edit of an article this replica does not hold does nothing. */
  apply(op: Operation): void {
    if (op.kind === 'sync') {
      this.sync(op.from, op.to, op.remoteFirst);
      return;
    }
    const replica = this.replicas[op.replica] as SimReplica;
    const t = this.tick();
    const { article, annotations } = replica.local;
    if (op.kind === 'restore-article') {
      if (article || !replica.undo) return;
      const restored = replica.undo;
      replica.undo = null;
      replica.local = restored;
      const restoredArticle = restored.article as ArticleRecord;
      if (restoredArticle.note) this.noteWrite(replica, 'page', textsOf(restoredArticle.note), t);
      for (const annotation of restored.annotations) {
        const note = noteOf(annotation);
        if (note) this.noteWrite(replica, annotation.id, textsOf(note), t);
      }
      this.record(replica, t);
      return;
    }
    if (!article) return;
    const picked =
      annotations.length > 0 && 'pick' in op
        ? annotations[op.pick % annotations.length]
        : undefined;
    switch (op.kind) {
      case 'page-note': {
        const note = op.clear ? '' : `page note ${t}`;
        if (note === article.note) return;
        replica.local = { annotations, article: { ...article, note, updatedAt: iso(t) } };
        this.noteWrite(replica, 'page', textsOf(note), t);
        break;
      }
      case 'annotation-note': {
        if (!picked) return;
        const note = op.clear ? '' : `highlight note ${t}`;
        if (note === noteOf(picked)) return;
        const body = bodyFor(note);
        const next: Annotation = {
          ...picked,
          body,
          motivation: body.length > 0 ? 'commenting' : 'highlighting',
          modified: iso(t),
        };
        replica.local = {
          article,
          annotations: annotations.map((annotation) =>
            annotation.id === next.id ? next : annotation,
          ),
        };
        this.noteWrite(replica, picked.id, textsOf(note), t);
        break;
      }
      case 'tag': {
        const name = TAGS[op.tag] as string;
        const has = article.tags.some((tag) => tag.toLowerCase() === name.toLowerCase());
        const tags = op.add
          ? has
            ? article.tags
            : [...article.tags, name]
          : article.tags.filter((tag) => tag.toLowerCase() !== name.toLowerCase());
        replica.local = { annotations, article: { ...article, tags, updatedAt: iso(t) } };
        break;
      }
      case 'title':
        replica.local = {
          annotations,
          article: {
            ...article,
            title: `Title ${op.title}`,
            fieldSources: { ...article.fieldSources, title: 'user' },
            updatedAt: iso(t),
          },
        };
        break;
      case 'read':
        replica.local = {
          annotations,
          article: { ...article, readAt: op.read ? (article.readAt ?? iso(t)) : null },
        };
        break;
      case 'archive':
        replica.local = {
          annotations,
          article: {
            ...article,
            archivedAt: op.archived ? (article.archivedAt ?? iso(t)) : null,
            updatedAt: iso(t),
          },
        };
        break;
      case 'add-annotation': {
        const note = op.withNote ? `highlight note ${t}` : '';
        const annotation = this.newAnnotation(article, op.colour, note, t);
        replica.local = { article, annotations: [...annotations, annotation] };
        if (note) this.noteWrite(replica, annotation.id, [note], t);
        break;
      }
      case 'delete-annotation':
        if (!picked) return;
        replica.local = {
          article,
          annotations: annotations.filter((annotation) => annotation.id !== picked.id),
        };
        this.deletion(replica, picked.id, t);
        break;
      case 'delete-article':
        replica.undo = replica.local;
        replica.local = { article: null, annotations: [] };
        this.deletion(replica, 'article', t);
        break;
    }
    this.record(replica, t);
  }

  /** `from`'s state joined into `to`'s, and rendered to `to`'s records. */
  sync(from: number, to: number, remoteFirst = true): void {
    if (from === to) return;
    const source = this.replicas[from] as SimReplica;
    const target = this.replicas[to] as SimReplica;
    target.state = remoteFirst
      ? joinArticle(source.state, target.state)
      : joinArticle(target.state, source.state);
    target.local = renderState(target.state);
    for (const event of source.knows) target.knows.add(event);
    this.states.push(target.state);
  }

  /** Every replica sends to every other, twice over: afterwards all have seen everything. */
  syncAll(): void {
    for (let round = 0; round < 2; round += 1) {
      for (const from of this.replicas.keys()) {
        for (const to of this.replicas.keys()) this.sync(from, to);
      }
    }
  }

  /**
   * The typed texts the rules promise to keep. A text is given up only when a write made on a
   * replica that had seen it replaced it with other text, or when the article (or that
   * highlight) was deleted after the text was written ("a delete wins over an older edit").
   * An undo of a delete writes the deleted note's texts again, so they count from then on.
   */
  requiredTexts(): { target: string; text: string; write: NoteWrite }[] {
    const required: { target: string; text: string; write: NoteWrite }[] = [];
    const byEvent = new Map(this.noteWrites.map((write) => [write.event, write]));
    const replaced = (target: string, text: string) =>
      this.noteWrites.some(
        (later) =>
          later.target === target &&
          !later.texts.includes(text) &&
          [...later.seen].some((event) => {
            const seen = byEvent.get(event);
            return seen?.target === target && seen.texts.includes(text);
          }),
      );
    for (const write of this.noteWrites) {
      const deletedAfter = this.deletions.some(
        (deletion) =>
          (deletion.target === 'article' || deletion.target === write.target) &&
          deletion.t > write.t,
      );
      if (deletedAfter) continue;
      for (const text of write.texts) {
        if (!replaced(write.target, text)) required.push({ target: write.target, text, write });
      }
    }
    return required;
  }
}

/** The records with tags as a set: the order tags are shown in is not synced. */
export function comparable(local: LocalArticle): string {
  const article = local.article ? { ...local.article, tags: [...local.article.tags].sort() } : null;
  const annotations = [...local.annotations].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonical({ article, annotations });
}
