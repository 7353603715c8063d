/**
 * One article saved on two devices before they synced has two ids (each device made its own),
 * and two libraries joined by turning sync on share many such articles. When an article arrives
 * whose address is already saved here under another id, the two are folded into one on every
 * device the same way: the smaller id survives with both states merged (highlights, notes, tags,
 * read and archive state; the newer save's text), and the other is deleted. Both are then sent,
 * so devices that fold the same pair independently write the same result.
 */
import { urlKeysOf } from '../shared/url.ts';
import {
  compactArticle,
  emptyArticleState,
  joinArticle,
  latestStamp,
  type ArticleState,
} from './crdt.ts';
import type { Replica } from './engine.ts';
import { readCopies, type Copy } from './local-copies.ts';
import { renderMerge, type Merge } from './merge.ts';

/** Deleted after everything in it, so that only a newer edit brings it back. */
function foldedAway(state: ArticleState, deviceId: string): ArticleState {
  const after = latestStamp(state);
  return compactArticle({ ...state, alive: { v: false, s: { t: after.t + 1, d: deviceId } } });
}

function asArticle(state: ArticleState, id: string): ArticleState {
  return { ...state, id };
}

/** For each address key of these states' articles, the ids of the local articles saved under it. */
async function savedUnder(replica: Replica, merges: readonly Merge[]) {
  const keysOf = new Map<Merge, string[]>();
  for (const merge of merges) {
    const article = renderMerge(merge)?.article;
    if (article) keysOf.set(merge, urlKeysOf(article));
  }
  const ids = new Map<string, Set<string>>();
  await replica.db.articles
    .where('urlKeys')
    .anyOf([...keysOf.values()].flat())
    .eachKey((key, cursor) => {
      const set = ids.get(String(key)) ?? new Set<string>();
      set.add(String(cursor.primaryKey));
      ids.set(String(key), set);
    });
  return (merge: Merge) => [
    ...new Set((keysOf.get(merge) ?? []).flatMap((key) => [...(ids.get(key) ?? [])])),
  ];
}

export async function foldDuplicates(
  replica: Replica,
  merges: readonly Merge[],
  withLocalChanges: (copy: Copy) => ArticleState,
): Promise<Merge[]> {
  const result = [...merges];
  const involved = new Set(merges.map((merge) => merge.copy.articleId));
  const duplicatesOf = await savedUnder(replica, merges);
  for (const [at, merge] of merges.entries()) {
    const others = duplicatesOf(merge).filter((id) => !involved.has(id));
    if (others.length === 0) continue;
    const group: Merge[] = [merge];
    for (const copy of await readCopies(replica.db, others)) {
      involved.add(copy.articleId);
      group.push({
        copy,
        state: withLocalChanges(copy),
        docId: copy.row?.docId ?? (await replica.cipher.documentId(copy.articleId)),
        rev: copy.row?.rev ?? null,
        remote: null,
      });
    }
    const survivorId = group.map((item) => item.copy.articleId).sort()[0] as string;
    const joined = group.reduce(
      (state, item) => joinArticle(state, asArticle(item.state, survivorId)),
      emptyArticleState(survivorId),
    );
    const [first, ...rest] = group.map((item): Merge => ({
      copy: item.copy,
      docId: item.docId,
      rev: item.rev,
      state: item.copy.articleId === survivorId ? joined : foldedAway(item.state, replica.deviceId),
      remote: null,
    }));
    result[at] = first as Merge;
    result.push(...rest);
  }
  return result;
}
