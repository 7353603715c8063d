/**
 * Draws saved highlights on the live page. The page's text is not the saved article's text, so
 * each highlight is found by its quote and context (fuzzy where the page changed); one that
 * cannot be placed is left out here and shown as "could not be placed" in the reader.
 * The CSS Custom Highlight API paints without touching the page's DOM; where a browser lacks
 * it, the text is wrapped in <mark> elements, which leave the page's own nodes in place.
 */
import { anchor } from '../shared/anchoring/anchor.ts';
import { rangeFromTextOffsets, textOf } from '../shared/anchoring/dom.ts';
import { HIGHLIGHT_COLOURS, type Annotation, type HighlightColour } from '../shared/annotation.ts';

/** Background colours that keep text readable (AA) on light pages, and their dark text. */
const PAINT: Record<HighlightColour, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
};

export interface DrawResult {
  placed: number;
  orphaned: number;
}

function stylesheet(): string {
  return HIGHLIGHT_COLOURS.map(
    (colour) =>
      `::highlight(margins-${colour}) { background-color: ${PAINT[colour]}; color: #111; }\n` +
      `mark[data-margins-colour="${colour}"] { background-color: ${PAINT[colour]}; color: #111; }`,
  ).join('\n');
}

function addStyles(doc: Document): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(stylesheet());
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Firefox ESR 140 hands a content script the page's sheets through a wrapper that cannot be
      // iterated ("adoptedStyleSheets is not iterable"): a <style> element does the same.
    }
  }
  const style = doc.createElement('style');
  style.textContent = stylesheet();
  doc.head.append(style);
}

/** Wraps each text node of the range in a <mark>, splitting text nodes only at the edges. */
function wrapRange(doc: Document, range: Range, colour: HighlightColour): void {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 0x4);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === 3 && range.intersectsNode(node)) nodes.push(node as Text);
  }
  for (const node of nodes) {
    let text = node;
    if (text === range.endContainer) text.splitText(range.endOffset);
    if (text === range.startContainer && range.startOffset > 0)
      text = text.splitText(range.startOffset);
    const mark = doc.createElement('mark');
    mark.dataset.marginsColour = colour;
    text.replaceWith(mark);
    mark.append(text);
  }
}

export function drawHighlights(doc: Document, annotations: readonly Annotation[]): DrawResult {
  const root = doc.body;
  const text = textOf(root);
  const byColour = new Map<HighlightColour, Range[]>();
  let orphaned = 0;
  for (const annotation of annotations) {
    // Positions are measured on the saved article's text, not this page's: match by quote.
    const [quote] = annotation.target.selector;
    const placed = anchor(text, [quote]);
    const range = placed && rangeFromTextOffsets(root, placed.start, placed.end);
    if (!range) {
      orphaned++;
      continue;
    }
    byColour.set(annotation.colour, [...(byColour.get(annotation.colour) ?? []), range]);
  }
  if (byColour.size > 0) addStyles(doc);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = view?.CSS && 'highlights' in view.CSS ? view.CSS.highlights : null;
  for (const [colour, ranges] of byColour) {
    if (registry && view) registry.set(`margins-${colour}`, new view.Highlight(...ranges));
    // Wrap from the last range back, so earlier ranges' boundaries stay valid.
    else for (const range of [...ranges].reverse()) wrapRange(doc, range, colour);
  }
  return { placed: annotations.length - orphaned, orphaned };
}
