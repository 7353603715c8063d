/**
 * Page HTML is untrusted: an allowlist walk keeps only inert markup, and makes lazy or relative
 * media work offline.
 */
import DOMPurify from 'dompurify';
import {
  dropTrailingNotes,
  excerptCards,
  isPageFurniture,
  relatedStoriesFrom,
  teaserCards,
  dropTeaserCards,
} from './furniture.ts';
import { dropRepeatedCaptions } from './repeated-captions.ts';
import { giveTableContext, isStrayTablePart } from './table-context.ts';
import { absoluteHttpUrl } from '../url.ts';

/** Elements kept with their attributes filtered; any other element is unwrapped or dropped. */
const KEEP = new Set(
  (
    'a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup dd del ' +
    'details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd ' +
    'li main mark ol p picture pre q rp rt ruby s samp section small source span strong sub ' +
    'summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);
/**
 * Elements removed with everything inside: active content, form controls, and media that needs
 * scripts. A <form> or <math> is unwrapped instead: some sites wrap a whole article in a form,
 * and equations carry text (hostile suite P55 lost the rest of an article that way).
 */
const DROP = new Set(
  (
    'script style link meta base iframe frame frameset object embed applet input button ' +
    'select option textarea noscript template dialog svg canvas audio video track ' +
    'portal slot title head'
  ).split(' '),
);

/** The library pass after the cleaning walk: whatever the walk let through, DOMPurify vets. */
const PURIFY_CONFIG = {
  IN_PLACE: true,
  FORBID_TAGS: [...DROP, 'form', 'math'],
  FORBID_ATTR: ['style', 'id', 'name', 'class', 'srcdoc'],
  ALLOW_DATA_ATTR: false,
};
const ATTRS: Record<string, readonly string[]> = {
  '*': ['title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  source: ['srcset', 'sizes', 'type', 'media'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
};
const URL_ATTRS = new Set(['href', 'src', 'cite']);
const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER = /^data:|placeholder|blank\.(?:gif|png)|spacer|lazy|1x1|pixel\.gif/i;

/** Moves lazy-loading attributes into src/srcset so images show without the page's scripts. */
function promoteLazy(el: Element): void {
  const src = el.getAttribute('src') ?? '';
  const lazy = LAZY_SRC.map((name) => el.getAttribute(name)).find((v) => v && !/^data:/i.test(v));
  if (lazy && (!src || PLACEHOLDER.test(src))) el.setAttribute('src', lazy);
  const lazySet = LAZY_SRCSET.map((name) => el.getAttribute(name)).find(Boolean);
  if (lazySet && !el.getAttribute('srcset')) el.setAttribute('srcset', lazySet);
}

/** Resolves each candidate of a srcset against `base`, dropping unusable ones. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(/,\s+|,(?=\S+\s+\d)/)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      const abs = absoluteHttpUrl(url, base);
      return abs ? [abs, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** A safe value for a kept attribute, or null to drop it. */
function attrValue(name: string, value: string, tag: string, base: string): string | null {
  if (name === 'srcset') return absoluteSrcset(value, base) || null;
  if (!URL_ATTRS.has(name)) return value;
  if (name === 'href' && (value.startsWith('#') || /^(?:mailto|tel):/i.test(value))) return value;
  if (tag === 'img' && /^data:image\/(?:png|gif|jpe?g|webp);/i.test(value)) return value;
  return absoluteHttpUrl(value, base);
}

/** Keeps only allowed attributes, with absolute http(s) addresses. */
function cleanAttributes(el: Element, tag: string, base: string): void {
  if (tag === 'img' || tag === 'source') promoteLazy(el);
  const allowed = ATTRS[tag];
  // By name rather than through `el.attributes`, which builds an Attr object for each one.
  for (const qualified of el.getAttributeNames()) {
    const name = qualified.toLowerCase();
    const original = el.getAttribute(qualified) ?? '';
    const keep = allowed?.includes(name) || ATTRS['*']?.includes(name);
    const value = keep ? attrValue(name, original.trim(), tag, base) : null;
    if (value === null) el.removeAttribute(qualified);
    else if (value !== original) el.setAttribute(qualified, value);
  }
  if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
}

/** What the walk needs of the page, read once, and what it collects on the way. */
interface Walk {
  /** The page's address, resolving relative ones. */
  base: string;
  /** The same, parsed; null when it does not parse (no teaser cards are looked for then). */
  site: URL | null;
  /** Rows of teaser cards met: whether they go depends on the whole body (see dropTeaserCards). */
  teasers: Element[];
}

/** Sanitises the children of `parent` in place. */
function walk(parent: Element, walking: Walk): void {
  const { base, site, teasers } = walking;
  const cards = excerptCards(parent);
  if (site) teasers.push(...teaserCards(parent, site));
  const parentTag = parent.localName.toLowerCase();
  let child = parent.firstChild;
  while (child) {
    let next = child.nextSibling;
    if (child.nodeType === 1) {
      let el = child as Element;
      let tag = el.localName.toLowerCase();
      if (isStrayTablePart(tag, parentTag)) {
        el = giveTableContext(el, tag);
        tag = el.localName.toLowerCase();
        next = el.nextSibling;
      }
      const related = DROP.has(tag) ? [] : relatedStoriesFrom(el);
      if (related.length > 0) {
        // The walk goes on after the run: its blocks are gone.
        const after = related.at(-1)?.nextSibling ?? null;
        for (const block of related) block.remove();
        child = after;
        continue;
      }
      if (DROP.has(tag) || cards.has(el) || isPageFurniture(el)) el.remove();
      else {
        walk(el, walking);
        if (KEEP.has(tag)) cleanAttributes(el, tag, base);
        else el.replaceWith(...Array.from(el.childNodes));
      }
    } else if (child.nodeType !== 3) parent.removeChild(child);
    child = next;
  }
}

/**
 * Sanitises Readability's article element in place (it lives in Readability's own copy of the
 * page) and returns it. `base` resolves relative addresses; `view` is the page's window.
 */
export function sanitizeArticle(
  root: Element,
  base: string,
  view: Window & typeof globalThis,
): Element {
  const walking: Walk = { base, site: URL.canParse(base) ? new URL(base) : null, teasers: [] };
  walk(root, walking);
  dropTeaserCards(root, walking.teasers);
  dropRepeatedCaptions(root);
  dropTrailingNotes(root);
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  // The copy Readability worked on has no window of its own: the page's window lends DOMPurify one.
  DOMPurify(view).sanitize(root, PURIFY_CONFIG);
  return root;
}
