/**
 * Captions a page prints twice for one picture: a slideshow writes each caption in its frame and
 * again in its thumbnail strip, sometimes twice in the frame. The reader shows each once. The
 * same caption under another picture (a gallery's "Photo: Agency", each exercise's "Solution")
 * and other lines a page repeats (an instruction in a how-to, a refrain) stay.
 */
import { isHeading } from './elements.ts';
import { BLOCK, collapseSpace, textWithin } from './text.ts';

/** Shorter lines repeat by design ("Yes.", "* * *", a speaker's name in an interview). */
const MIN_REPEATED_TEXT = 25;
/** Longer blocks are paragraphs; a page that repeats one repeats it on purpose. */
const MAX_REPEATED_TEXT = 400;
/** Blocks whose lines repeat by nature (code, table rows, quotations): not read. */
const NOT_READ = new Set(['PRE', 'CODE', 'TABLE', 'BLOCKQUOTE']);

/** Whether `el` holds only text and inline elements: one line of the body. */
function isLine(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (BLOCK.has(child.tagName) || NOT_READ.has(child.tagName)) return false;
  return true;
}

const PICTURE = new Set(['IMG', 'PICTURE']);
/** How far up from a line a picture before it is looked for. */
const CAPTION_DEPTH = 3;

const showsPicture = (el: Element): boolean =>
  PICTURE.has(el.tagName) || el.querySelector('img, picture') !== null;

/** Whether `el` holds less text than a caption; its text is not read past that. */
function hasLittleText(el: Element): boolean {
  const text = textWithin(el, MIN_REPEATED_TEXT);
  return text !== null && text.trim().length < MIN_REPEATED_TEXT;
}

/** A picture without a caption of its own (a figure with one is already captioned). */
const isBarePicture = (el: Element): boolean =>
  PICTURE.has(el.tagName) ||
  (showsPicture(el) && el.querySelector('figcaption') === null && hasLittleText(el));

/**
 * Whether `line` is a caption: in a <figure> or <figcaption>, or right after a picture without
 * one (the line itself or one of its few nearest containers).
 */
function isCaption(line: Element, root: Element): boolean {
  let el: Element | null = line;
  for (let depth = 0; el && el !== root && depth < CAPTION_DEPTH; depth++) {
    if (el.tagName === 'FIGCAPTION' || el.tagName === 'FIGURE') return true;
    const before = el.previousElementSibling;
    if (before && isBarePicture(before)) return true;
    el = el.parentElement;
  }
  return false;
}

/** The lines and headings under `parent`, outermost first, in document order. */
function collectLines(parent: Element, lines: Element[]): void {
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    if (NOT_READ.has(child.tagName)) continue;
    if (isHeading(child) || isLine(child)) lines.push(child);
    else collectLines(child, lines);
  }
}

/** A line's text, collapsed, or null for a heading or a block too long to be a caption. */
function lineText(line: Element): string | null {
  if (isHeading(line)) return null;
  const text = textWithin(line, 2 * MAX_REPEATED_TEXT);
  return text === null ? null : collapseSpace(text);
}

const captionSized = (text: string | null): text is string =>
  text !== null && text.length >= MIN_REPEATED_TEXT && text.length <= MAX_REPEATED_TEXT;

/**
 * Removes each line of `root` that repeats a caption with only that caption's other lines
 * between them (its credit, empty wrappers): no picture, heading or paragraph.
 */
export function dropRepeatedCaptions(root: Element): void {
  const lines: Element[] = [];
  collectLines(root, lines);
  const texts = lines.map(lineText);
  const first = new Map<string, number>();
  // What makes a repeat a caption of something else: a heading, a paragraph (too long for a
  // caption), a picture, a line that is neither a caption nor a repeat.
  const separates = (at: number): boolean => {
    const line = lines[at] as Element;
    const text = texts[at] ?? null;
    if (text === null || text.length > MAX_REPEATED_TEXT || showsPicture(line)) return true;
    if (!captionSized(text)) return false;
    return first.get(text) === at && !isCaption(line, root);
  };
  texts.forEach((text, at) => {
    if (!captionSized(text)) return;
    const earlier = first.get(text);
    if (earlier === undefined) first.set(text, at);
    // Only a repeat is looked at closely: most pages repeat nothing.
    else if (isCaption(lines[earlier] as Element, root)) {
      let between = earlier + 1;
      while (between < at && !separates(between)) between++;
      if (between === at) lines[at]?.remove();
    }
  });
}
