/**
 * Table parts out of their table. Readability may pick a table's body or one cell as the article
 * (a page laid out in a table, or a long data table), and a script-built page can hold rows where
 * HTML cannot. Serialised as they are, `<div><tr>…` loses its rows and cells when the reader parses
 * it again: the cells' words run together. Each stray part gets the table it needs, or a layout
 * cell becomes the block it stands for.
 */

/** The parents a table part may have. */
const PLACE: Readonly<Record<string, readonly string[]>> = {
  tr: ['table', 'tbody', 'thead', 'tfoot'],
  tbody: ['table'],
  thead: ['table'],
  tfoot: ['table'],
  td: ['tr'],
  th: ['tr'],
};

/** Whether `tag` is a table part that cannot sit in `parentTag`. */
export function isStrayTablePart(tag: string, parentTag: string): boolean {
  const place = PLACE[tag];
  return place !== undefined && !place.includes(parentTag);
}

/** Moves `el`, and the siblings after it that are also of `tags`, into `into`. */
function gatherRun(el: Element, tags: readonly string[], into: Element): void {
  let part: Element | null = el;
  while (part) {
    // Whitespace between the parts stays where it was; anything else ends the run.
    let after: ChildNode | null = part.nextSibling;
    while (after && after.nodeType === 3 && !after.textContent?.trim()) after = after.nextSibling;
    into.append(part);
    part =
      after?.nodeType === 1 && tags.includes((after as Element).localName.toLowerCase())
        ? (after as Element)
        : null;
  }
}

/**
 * Puts a stray table part where it can stand, and returns the element now in its place: a run of
 * rows or row groups goes into a new table; a lone cell becomes a <div> (a cell picked alone is a
 * layout cell: its content is the article).
 */
export function giveTableContext(el: Element, tag: string): Element {
  const doc = el.ownerDocument;
  if (tag === 'td' || tag === 'th') {
    const block = doc.createElement('div');
    block.append(...Array.from(el.childNodes));
    el.replaceWith(block);
    return block;
  }
  const table = doc.createElement('table');
  el.before(table);
  if (tag === 'tr') {
    const rows = doc.createElement('tbody');
    table.append(rows);
    gatherRun(el, ['tr'], rows);
  } else gatherRun(el, ['tbody', 'thead', 'tfoot'], table);
  return table;
}
