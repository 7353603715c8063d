/**
 * Text helpers shared by the formats: decoding, plain text out of markup, tags.
 */

/** Elements whose content is never readable text (a title's `<script>` is not part of it). */
const NON_TEXT_ELEMENTS = 'script, style, template, noscript, iframe, object, svg, math';

/** Bytes as UTF-8 text: a byte-order mark is dropped, invalid sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** Runs of white space (line breaks included) as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The readable text of an element, without the content of scripts, styles and the like. Works on
 * a clone, so the parsed document is left as it was.
 */
export function textOfElement(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(NON_TEXT_ELEMENTS)) hidden.remove();
  return clone.textContent ?? '';
}

/**
 * One inert document, made once: DOMParser documents have no browsing context, so markup put in
 * them never runs a script nor loads an image. Reusing it costs one parse per title instead of
 * one document per title.
 */
let scratch: HTMLElement | null = null;

function scratchElement(): HTMLElement {
  scratch ??= new DOMParser().parseFromString('<body></body>', 'text/html').body;
  return scratch;
}

/**
 * A field that may hold markup or entities (CSV titles do: `Caf&eacute; <b>news</b>`) as plain
 * text: parsed as HTML in an inert document, and only its text taken. Text without `<` or `&`
 * cannot hold markup and is returned unparsed.
 */
export function plainText(raw: string): string {
  if (!/[<&]/.test(raw)) return collapseWhitespace(raw);
  const element = scratchElement();
  element.innerHTML = raw;
  for (const hidden of element.querySelectorAll(NON_TEXT_ELEMENTS)) hidden.remove();
  const text = element.textContent ?? '';
  element.textContent = '';
  return collapseWhitespace(text);
}

/** Text cut to at most `max` UTF-16 units, never in the middle of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Tags trimmed, empty ones dropped, the first spelling kept of those equal but for case. */
export function normaliseTags(tags: Iterable<string>, maxLength: number): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = cutText(collapseWhitespace(raw), maxLength);
    const key = tag.toLocaleLowerCase('en');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    kept.push(tag);
  }
  return kept;
}

/** `"a|b"`, `"a, b"`: a separated list of tags, pieces trimmed by normaliseTags later. */
export function splitList(raw: string | null | undefined, separator: string | RegExp): string[] {
  return raw ? raw.split(separator) : [];
}
