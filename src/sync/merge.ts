/**
 * An article's state after what arrived from the server was merged with this device's copy, and
 * the records it renders to.
 */
import { searchWordsOf, type SearchWords } from '../db/derived.ts';
import type { ArticleState } from './crdt.ts';
import type { Copy } from './local-copies.ts';
import { renderIfReadable, type LocalArticle } from './mapping.ts';

/** Records rendered from a state, with the article's search words when they were made ahead. */
export type Rendered = LocalArticle & { words?: SearchWords };

export interface Merge {
  copy: Copy;
  state: ArticleState;
  docId: string;
  rev: string | null;
  /** The state as the server has it (null: the server has nothing newer than `rev`). */
  remote: ArticleState | null;
  /** What `remote` renders to, made as it arrived (see `renderArrival`); null: unreadable. */
  arrived?: Rendered | null;
}

/**
 * What an arrived state renders to, with the article's search words. A pull makes it as each
 * document is decoded, which happens for the next batch while the batch before is written: the
 * page would otherwise wait for IndexedDB there, and these are a fifth of the page's work in a
 * first sync. Used when the article is new on this device (see `renderMerge`).
 */
export function renderArrival(state: ArticleState): Rendered | null {
  const rendered = renderIfReadable(state);
  if (!rendered?.article) return rendered;
  return { ...rendered, words: searchWordsOf(rendered.article, rendered.annotations) };
}

/** This device holds nothing of the article: the merge is what arrived. */
export function nothingHere(merge: Merge): boolean {
  const { copy } = merge;
  return !copy.row && !copy.outbox && !copy.article;
}

/** The state a merge keeps: what arrived when this device held nothing of the article. */
export function mergedState(merge: Merge): ArticleState {
  return nothingHere(merge) && merge.remote ? merge.remote : merge.state;
}

/** What the kept state renders to; null when this version cannot show it. */
export function renderMerge(merge: Merge): Rendered | null {
  if (nothingHere(merge) && merge.remote && merge.arrived !== undefined) return merge.arrived;
  return renderIfReadable(mergedState(merge));
}
