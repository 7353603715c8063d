/**
 * DOM textContent glues "end.</p><p>Next" into "end.Next"; readers, search and word counts need
 * block breaks.
 */
export const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);
export const CELL = new Set(['TD', 'TH']);
/**
 * Elements whose text is not the body's words: code, fallbacks, and ruby's readings (the kana over
 * "子ども" would read "子こども" in the text that search and word counts use).
 */
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'RT', 'RP']);

/** Plain text of `root` with one newline between blocks, spaces collapsed inside lines. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const data = node.nodeValue ?? '';
      parts.push(pre ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName ?? '';
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    else if (CELL.has(tag)) parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) {
      walk(child, pre || tag === 'PRE');
    }
    if (block) parts.push('\n');
  };
  walk(root, false);
  return linesOf(parts.join(''));
}

/** One line per block: spaces collapsed and trimmed inside each line, empty lines dropped. */
export function linesOf(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * The text under `node`, or null once its trimmed pieces pass `budget` characters, so a long
 * block's text is never built just to learn it is long. `boundary` goes before and after each
 * element: ' ' reads "<span>By</span><a>X</a>" as "By X"; '' gives what `textContent` gives.
 */
export function textWithin(node: Node, budget: number, boundary: '' | ' ' = ''): string | null {
  const parts: string[] = [];
  let used = 0;
  const visit = (parent: Node): boolean => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        // Indentation between tags is not text: only what is left after trimming counts.
        used += value.trim().length;
        if (used > budget) return false;
        parts.push(value);
      } else if (child.nodeType === 1) {
        parts.push(boundary);
        if (!visit(child)) return false;
        parts.push(boundary);
      }
    }
    return true;
  };
  return visit(node) ? parts.join('') : null;
}

/** Collapses whitespace runs (including non-breaking spaces) to one space and trims. */
export function collapseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * `text` without any whitespace: for finding one text inside another where the page and a copy of
 * it break lines and indent differently (Readability's copy has no whitespace between blocks).
 */
export const withoutSpace = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, '');
