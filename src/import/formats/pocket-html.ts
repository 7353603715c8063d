/**
 * Pocket's older export, `ril_export.html`: a page titled "Pocket Export" with an
 * `<h1>Unread</h1>` list and an `<h1>Read Archive</h1>` list of
 * `<li><a href time_added tags>title</a></li>`, `time_added` in Unix seconds and `tags` joined
 * by commas. Items under "Read Archive" are archived.
 */
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { splitList, textOfElement } from '../text.ts';
import type { ImportedItem } from '../types.ts';

export async function parsePocketHtml(
  text: string,
  context: FormatContext,
): Promise<ImportedItem[]> {
  // DOMParser documents never run scripts nor load images: parsing is inert.
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const nodes = [...doc.querySelectorAll('h1, li a')];
  let archived = false;
  let entry = 0;
  for (const node of nodes) {
    if (node.tagName === 'H1') {
      archived = /read\s+archive/i.test(node.textContent ?? '');
      continue;
    }
    entry += 1;
    const origin = `entry ${entry}`;
    context.items.add(origin, {
      url: node.getAttribute('href'),
      title: textOfElement(node),
      savedAt: context.dates.unixSeconds(node.getAttribute('time_added'), origin, 'time_added'),
      tags: splitList(node.getAttribute('tags'), ','),
      archived,
    });
    if (entry % BREATHE_EVERY === 0) {
      context.progress.report(entry / nodes.length);
      await context.progress.breathe();
    }
  }
  context.progress.report(1);
  return context.items.items;
}
