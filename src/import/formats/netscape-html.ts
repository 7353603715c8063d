/**
 * Browsers' bookmark exports (Chrome, Edge, Firefox, Safari) and the services that write the same
 * "Netscape bookmark file" (Pinboard, Raindrop, Instapaper's HTML, Google Bookmarks):
 * `<DT><A HREF ADD_DATE TAGS>` in nested `<DL>` lists, each folder named by the `<H3>` before its
 * list, and an optional `<DD>` description after a bookmark. With or without the DOCTYPE line, in
 * any letter case: the HTML parser reads them all alike (detect.ts decides by structure).
 *
 * Decisions:
 * - Folders become tags (every folder on the way to the bookmark), because a folder is how
 *   these users sorted their reading. The browser's own roots are not folders the user made:
 *   those flagged PERSONAL_TOOLBAR_FOLDER / UNFILED_BOOKMARKS_FOLDER (the bookmarks bar, "Other
 *   bookmarks") are left out, and the `<H1>` above the top list is never a folder.
 * - `TAGS` (comma-separated: Firefox, Pinboard) become tags too.
 * - `ADD_DATE` is Unix time; seconds, milliseconds and microseconds are told apart by size, as
 *   some tools write finer units.
 * - The `<DD>` description becomes the excerpt. Nothing is archived: bookmarks have no such state.
 * - Google Bookmarks wrote a label as a folder and a bookmark once under each of its labels: the
 *   copies become one item with every label as a tag (the collector merges equal addresses).
 * - `HREF` is read as written, never resolved: a relative link names no site, and the collector
 *   skips it, like bookmarklets and Firefox's `place:` queries, each with its own reason.
 */
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { collapseWhitespace, splitList, textOfElement } from '../text.ts';
import type { ImportedItem } from '../types.ts';

const ROOT_FOLDER_FLAGS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

/** The `<H3>` that names the folder a `<DL>` lists (the parser nests the list in its `<DT>`). */
function headingOf(list: Element): Element | null {
  const holder = list.parentElement;
  const headingIn = (element: Element | null) =>
    element ? ([...element.children].find((child) => child.tagName === 'H3') ?? null) : null;
  if (holder?.tagName === 'DT') return headingIn(holder);
  // A folder with a description: <DT><H3>…</H3><DD>description<DL>…
  if (holder?.tagName === 'DD') return headingIn(holder.previousElementSibling);
  const before = list.previousElementSibling;
  if (before?.tagName === 'H3') return before;
  return before?.tagName === 'DT' ? headingIn(before) : null;
}

/** The names of the user's folders around a bookmark, outermost first. */
function foldersOf(link: Element): string[] {
  const names: string[] = [];
  for (let node = link.parentElement; node; node = node.parentElement) {
    if (node.tagName !== 'DL') continue;
    const heading = headingOf(node);
    if (!heading) continue;
    const isRoot = ROOT_FOLDER_FLAGS.some((flag) => heading.hasAttribute(flag));
    if (!isRoot) names.unshift(collapseWhitespace(textOfElement(heading)));
  }
  return names;
}

/** The text of the `<DD>` right after the bookmark's `<DT>`, without any nested list. */
function descriptionOf(link: Element): string | null {
  const term = link.closest('dt');
  const next = term?.nextElementSibling;
  if (next?.tagName !== 'DD') return null;
  const text = [...next.childNodes]
    .filter((node) => node.nodeType === node.TEXT_NODE)
    .map((node) => node.textContent ?? '')
    .join(' ');
  return text.trim() ? text : null;
}

export async function parseNetscapeHtml(
  text: string,
  context: FormatContext,
): Promise<ImportedItem[]> {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const links = [...doc.querySelectorAll('dt > a')];
  for (const [index, link] of links.entries()) {
    const origin = `bookmark ${index + 1}`;
    context.items.add(origin, {
      url: link.getAttribute('href'),
      title: textOfElement(link),
      savedAt: context.dates.unixTime(link.getAttribute('add_date'), origin, 'ADD_DATE'),
      tags: [...foldersOf(link), ...splitList(link.getAttribute('tags'), ',')],
      excerpt: descriptionOf(link),
    });
    if (index % BREATHE_EVERY === 0) {
      context.progress.report(index / links.length);
      await context.progress.breathe();
    }
  }
  context.progress.report(1);
  return context.items.items;
}
