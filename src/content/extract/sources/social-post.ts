/**
 * A post on a social network is titled by its author: "Jane Doe (@jane)", the convention of most
 * such sites.
 */
import type { PageMeta } from '../metadata.ts';
import { collapseSpace } from '../../../shared/article-html/text.ts';

/** "Display Name (@handle)" or "(@handle@instance)", optionally followed by what the post says. */
const NAME_AND_HANDLE = /^([^()@:"“]{2,60}?)\s+\(@[\w.-]+(?:@[\w.-]+)?\)(?:$|\s*(?:[:：]|on\s))/u;

/**
 * `Name on Network: "what the post says"`, as X, Twitter and Instagram title a post, with the
 * unread count a tab shows ("(4) ") and a trailing "/ Network" allowed.
 */
const NAME_ON_NETWORK =
  /^(?:\(\d+\+?\)\s*)?([^()@:"“”]{2,60}?)\s+on\s+([^:"“”/]{1,30}?)\s*:\s*["“](.+)["”](?:\s*\/\s*([^/]{1,30}))?$/u;

/** Lowercase letters and digits only. */
const key = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export interface SocialPost {
  author: string;
  /** What the post says, which is its title. */
  text: string;
}

/**
 * The author and text of a post titled `Name on Network: "…"`. A headline quoting someone
 * ("Mayor on budget: "We will cut"") has the same shape, so the network must be confirmed: it is
 * the site's name (or that name's first word, "X (formerly Twitter)") or the title's own "/ X" end.
 */
export function socialPostTitle(title: string, siteName: string | null): SocialPost | null {
  const match = NAME_ON_NETWORK.exec(collapseSpace(title));
  if (!match) return null;
  const [, author = '', network = '', text = '', trailer] = match;
  const site = collapseSpace(siteName);
  const names = [site, site.split(/\s+\(/)[0] ?? '', trailer ?? ''].map(key).filter(Boolean);
  if (!names.includes(key(network))) return null;
  const post = collapseSpace(text);
  return post ? { author: collapseSpace(author), text: post } : null;
}

/** The author of a social post, from its og:title or <title>; an empty list for any other page. */
export function socialPostAuthor(meta: PageMeta, docTitle: string): string[] {
  const siteName = meta.get('og:site_name');
  for (const title of [meta.get('og:title', 'twitter:title'), docTitle]) {
    const name = NAME_AND_HANDLE.exec(collapseSpace(title))?.[1];
    if (name) return [name];
    const post = title ? socialPostTitle(title, siteName) : null;
    if (post) return [post.author];
  }
  return [];
}
