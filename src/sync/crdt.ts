/**
 * The state of one synced article as every device holds it: a state-based CRDT, so that
 * devices merging each other's states end with the same state whatever order the states arrive
 * in (with one exception in the order of merging, see `joinArticle`). The rules, per field (see the README's "Sync" section):
 *
 * - plain fields (title, body, read and archive state, a highlight's colour and place...) are
 *   last-writer-wins registers ordered by their stamp;
 * - typed text (the page note, a highlight's note) is a multi-value register: edits made on two
 *   devices without seeing each other are both kept, as siblings, until the user writes over them;
 * - tags are a set whose adds and removes are ordered by time, per tag;
 * - existence is a register too: a delete wins over an older edit and loses to a newer one.
 */

/** When and where a value was written: milliseconds since 1970, then the device, to break ties. */
export interface Stamp {
  t: number;
  d: string;
}

export interface Register<T> {
  v: T;
  s: Stamp;
}

/**
 * Version vector: for each device, the latest of its writes a text version has seen (a number
 * that grows with every write of that device: the write's time, or one more than the last).
 */
export type VersionVector = Record<string, number>;

export interface TextVersion {
  v: string;
  s: Stamp;
  vv: VersionVector;
}

export interface TagState {
  /** The tag as last written (its case). */
  name: string;
  added: Stamp;
  removed: Stamp | null;
}

export interface AnnotationState {
  fields: Record<string, Register<unknown>>;
  note: TextVersion[];
  alive: Register<boolean>;
}

export interface ArticleState {
  /** The article's id on every device. */
  id: string;
  fields: Record<string, Register<unknown>>;
  note: TextVersion[];
  /** Keyed by the tag in lower case: "News" and "news" are one tag. */
  tags: Record<string, TagState>;
  annotations: Record<string, AnnotationState>;
  alive: Register<boolean>;
}

export const ORIGIN_STAMP: Stamp = Object.freeze({ t: 0, d: '' });

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

export function laterStamp(a: Stamp, b: Stamp): Stamp {
  return compareStamps(a, b) >= 0 ? a : b;
}

export function emptyArticleState(id: string): ArticleState {
  return {
    id,
    fields: {},
    note: [],
    tags: {},
    annotations: {},
    alive: { v: false, s: ORIGIN_STAMP },
  };
}

export function emptyAnnotationState(): AnnotationState {
  return { fields: {}, note: [], alive: { v: false, s: ORIGIN_STAMP } };
}

/**
 * The later of two registers. Two registers with the same stamp are the same write (a stamp
 * names one device's one moment), so which one is kept does not matter.
 */
function joinRegister<T>(a: Register<T> | undefined, b: Register<T> | undefined): Register<T> {
  if (!a) return b as Register<T>;
  if (!b) return a;
  return compareStamps(a.s, b.s) >= 0 ? a : b;
}

function joinRegisters(
  a: Record<string, Register<unknown>>,
  b: Record<string, Register<unknown>>,
): Record<string, Register<unknown>> {
  const joined: Record<string, Register<unknown>> = { ...a };
  for (const [key, register] of Object.entries(b)) joined[key] = joinRegister(a[key], register);
  return joined;
}

/** `a` has seen everything `b` has (and maybe more). */
function dominates(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(b).every(([device, count]) => (a[device] ?? 0) >= count);
}

function sameVector(a: VersionVector, b: VersionVector): boolean {
  return dominates(a, b) && dominates(b, a);
}

/** Orders two versions with the same vector (one write) the same way on every device. */
function compareVersions(a: TextVersion, b: TextVersion): number {
  return compareStamps(a.s, b.s) || (a.v < b.v ? -1 : a.v > b.v ? 1 : 0);
}

/** The versions neither of which has seen the other; each write is kept once. */
export function joinText(a: readonly TextVersion[], b: readonly TextVersion[]): TextVersion[] {
  const all = [...a, ...b];
  const kept: TextVersion[] = [];
  for (const version of all) {
    const superseded = all.some(
      (other) =>
        other !== version && dominates(other.vv, version.vv) && !sameVector(other.vv, version.vv),
    );
    if (superseded) continue;
    const twin = kept.findIndex((seen) => sameVector(seen.vv, version.vv));
    if (twin < 0) kept.push(version);
    else if (compareVersions(version, kept[twin] as TextVersion) > 0) kept[twin] = version;
  }
  return kept.sort((x, y) => compareStamps(y.s, x.s));
}

/** A new text written on `device` over every version it has seen. */
export function writeText(
  current: readonly TextVersion[],
  text: string,
  stamp: Stamp,
): TextVersion[] {
  const seen: VersionVector = {};
  for (const version of current) {
    for (const [device, count] of Object.entries(version.vv)) {
      seen[device] = Math.max(seen[device] ?? 0, count);
    }
  }
  // The device's own entry is at least the write's time, not merely one more than it has seen:
  // a delete drops the versions written before it, and a device counting again from what is
  // left would give a new text the vector of one of its older texts still held on another
  // device, and the two would be taken for one write (one of them lost).
  seen[stamp.d] = Math.max((seen[stamp.d] ?? 0) + 1, stamp.t);
  return [{ v: text, s: stamp, vv: seen }];
}

/**
 * What the user sees of a text with concurrent versions: the newest first, then every other
 * distinct text below a rule, so that no typed word is lost and the user can tidy it up.
 */
export const TEXT_VERSIONS_SEPARATOR = '\n\n———\n\n';

export function renderText(versions: readonly TextVersion[]): string {
  const texts: string[] = [];
  for (const version of [...versions].sort((x, y) => compareStamps(y.s, x.s))) {
    if (version.v.trim() && !texts.includes(version.v)) texts.push(version.v);
  }
  return texts.join(TEXT_VERSIONS_SEPARATOR);
}

function joinTag(a: TagState | undefined, b: TagState | undefined): TagState {
  if (!a) return b as TagState;
  if (!b) return a;
  const newerAdd = compareStamps(a.added, b.added) >= 0 ? a : b;
  const removed =
    a.removed && b.removed ? laterStamp(a.removed, b.removed) : (a.removed ?? b.removed);
  return { name: newerAdd.name, added: newerAdd.added, removed };
}

export function tagPresent(tag: TagState): boolean {
  return tag.removed === null || compareStamps(tag.added, tag.removed) > 0;
}

function latestOf(stamps: Iterable<Stamp>): Stamp {
  let latest = ORIGIN_STAMP;
  for (const stamp of stamps) latest = laterStamp(latest, stamp);
  return latest;
}

function* annotationStamps(state: AnnotationState): Generator<Stamp> {
  for (const register of Object.values(state.fields)) yield register.s;
  for (const version of state.note) yield version.s;
}

function* articleContentStamps(state: ArticleState): Generator<Stamp> {
  for (const register of Object.values(state.fields)) yield register.s;
  for (const version of state.note) yield version.s;
  for (const tag of Object.values(state.tags)) {
    yield tag.added;
    if (tag.removed) yield tag.removed;
  }
  for (const annotation of Object.values(state.annotations)) {
    yield annotation.alive.s;
    yield* annotationStamps(annotation);
  }
}

/** The newest stamp anywhere in the state: a local change is stamped after it. */
export function latestStamp(state: ArticleState): Stamp {
  return laterStamp(state.alive.s, latestOf(articleContentStamps(state)));
}

/** Exists when its last existence write says so, or when something was written after a delete. */
export function annotationExists(state: AnnotationState): boolean {
  if (state.alive.v) return true;
  return compareStamps(latestOf(annotationStamps(state)), state.alive.s) > 0;
}

export function articleExists(state: ArticleState): boolean {
  if (state.alive.v) return true;
  return compareStamps(latestOf(articleContentStamps(state)), state.alive.s) > 0;
}

/**
 * After a delete, whatever was written before it can never show again (only a newer write brings
 * the item back), so it is dropped: a deleted article's state is a few bytes, not its body.
 */
function compactAnnotation(state: AnnotationState): AnnotationState {
  if (annotationExists(state)) return state;
  const after = (stamp: Stamp) => compareStamps(stamp, state.alive.s) > 0;
  return {
    fields: Object.fromEntries(Object.entries(state.fields).filter(([, r]) => after(r.s))),
    note: state.note.filter((version) => after(version.s)),
    alive: state.alive,
  };
}

export function compactArticle(state: ArticleState): ArticleState {
  if (articleExists(state)) {
    const annotations: Record<string, AnnotationState> = {};
    for (const [id, annotation] of Object.entries(state.annotations)) {
      annotations[id] = compactAnnotation(annotation);
    }
    return { ...state, annotations };
  }
  return emptyDeleted(state.id, state.alive);
}

function emptyDeleted(id: string, alive: Register<boolean>): ArticleState {
  return { ...emptyArticleState(id), alive };
}

function joinAnnotation(a: AnnotationState | undefined, b: AnnotationState | undefined) {
  if (!a) return b as AnnotationState;
  if (!b) return a;
  return compactAnnotation({
    fields: joinRegisters(a.fields, b.fields),
    note: joinText(a.note, b.note),
    alive: joinRegister(a.alive, b.alive),
  });
}

/**
 * The merge of two states of one article: commutative and idempotent, and associative as long as
 * no delete meets edits made concurrently with it. Because a deleted article or highlight is
 * compacted inside the merge (its older content dropped), a highlight made before a delete on
 * one device can survive or not depending on the order in which a third device's newer edit and
 * the delete are merged (see tests/unit/sync/crdt.test.ts). Replicas that exchange states until
 * nothing changes still end equal; keeping deleted content instead would keep every deleted
 * article's body on the server until its tombstone is removed.
 */
export function joinArticle(a: ArticleState, b: ArticleState): ArticleState {
  if (a.id !== b.id) throw new Error(`Cannot merge article ${a.id} with ${b.id}`);
  const tags: Record<string, TagState> = { ...a.tags };
  for (const [key, tag] of Object.entries(b.tags)) tags[key] = joinTag(a.tags[key], tag);
  const annotations: Record<string, AnnotationState> = { ...a.annotations };
  for (const [id, annotation] of Object.entries(b.annotations)) {
    annotations[id] = joinAnnotation(a.annotations[id], annotation);
  }
  return compactArticle({
    id: a.id,
    fields: joinRegisters(a.fields, b.fields),
    note: joinText(a.note, b.note),
    tags,
    annotations,
    alive: joinRegister(a.alive, b.alive),
  });
}
