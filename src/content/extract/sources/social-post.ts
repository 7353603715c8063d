// A post on a social network is titled by its author: "Jane Doe (@jane)", the convention of most such sites.
import type { PageMeta } from '../metadata';
import { collapseSpace } from '../urls';

/** "Display Name (@handle)" or "(@handle@instance)", optionally followed by what the post says. */
const NAME_AND_HANDLE = /^([^()@:"“]{2,60}?)\s+\(@[\w.-]+(?:@[\w.-]+)?\)(?:$|\s*(?:[:：]|on\s))/u;

/** The author of a social post, from its og:title or <title>; an empty list for any other page. */
export function socialPostAuthor(meta: PageMeta, docTitle: string): string[] {
  for (const title of [meta.get('og:title', 'twitter:title'), docTitle]) {
    const name = NAME_AND_HANDLE.exec(collapseSpace(title))?.[1];
    if (name) return [name];
  }
  return [];
}
