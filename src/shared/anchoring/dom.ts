// Why: the reader and live pages hold highlights as DOM Ranges, selectors as text offsets.

/** NodeFilter.SHOW_TEXT, spelled out so this also runs where `NodeFilter` is not a global. */
const SHOW_TEXT = 0x4;
/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 0x4;
const TEXT_NODE = 3;

/** The root's text nodes in document order; "the text" is their data concatenated. */
export function textNodesOf(root: Node): Text[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The text anchoring works on: the data of every text node under `root`, in document order. */
export function textOf(root: Node): string {
  return textNodesOf(root)
    .map((node) => node.data)
    .join('');
}

/** Whether all of `text` comes before the boundary point (container, offset). */
function isBefore(text: Text, container: Node, offset: number): boolean {
  if (container.nodeType === TEXT_NODE) {
    return text !== container && (text.compareDocumentPosition(container) & FOLLOWING) !== 0;
  }
  const child = container.childNodes[offset];
  if (child) return (text.compareDocumentPosition(child) & FOLLOWING) !== 0;
  // The point is at the end of `container`: everything inside it or before it comes first.
  return container.contains(text) || (text.compareDocumentPosition(container) & FOLLOWING) !== 0;
}

/** The offset in `textOf(root)` of a boundary point, clamped to the root's text. */
function offsetOfPoint(nodes: readonly Text[], container: Node, offset: number): number {
  let total = 0;
  for (const node of nodes) {
    if (node === container) return total + Math.min(offset, node.data.length);
    if (!isBefore(node, container, offset)) return total;
    total += node.data.length;
  }
  return total;
}

/** Offsets of `range` in `textOf(root)`; parts of the range outside `root` are clamped away. */
export function textOffsetsOfRange(root: Node, range: Range): { start: number; end: number } {
  const nodes = textNodesOf(root);
  const start = offsetOfPoint(nodes, range.startContainer, range.startOffset);
  const end = offsetOfPoint(nodes, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/**
 * A Range over `textOf(root).slice(start, end)`, or null when the offsets fall outside the text.
 * The start goes at the beginning of the following text node and the end at the end of the
 * preceding one, so the range never begins or ends in a node it selects nothing of.
 */
export function rangeFromTextOffsets(root: Node, start: number, end: number): Range | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  const nodes = textNodesOf(root);
  const document = root.ownerDocument ?? (root as Document);
  let startPoint: [Text, number] | null = null;
  let endPoint: [Text, number] | null = null;
  let total = 0;
  for (const node of nodes) {
    const length = node.data.length;
    if (!startPoint && start < total + length) startPoint = [node, start - total];
    if (!endPoint && end <= total + length && (end > total || (end === start && startPoint))) {
      endPoint = [node, end - total];
    }
    total += length;
    if (startPoint && endPoint) break;
  }
  // A point at the very end of the text lies at the end of the last text node.
  const last = nodes[nodes.length - 1];
  if (last && start === total && !startPoint) startPoint = [last, last.data.length];
  if (last && end === total && !endPoint) endPoint = [last, last.data.length];
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(startPoint[0], startPoint[1]);
  range.setEnd(endPoint[0], endPoint[1]);
  return range;
}
