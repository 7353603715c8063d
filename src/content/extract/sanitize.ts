// Page HTML is untrusted: DOMPurify strips active content, and lazy or relative media are made to work offline.
import DOMPurify from 'dompurify';
import { absoluteHttpUrl } from './urls';

const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'noscript',
  'template',
  'dialog',
];
const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
const URL_ATTRS = ['href', 'src', 'poster', 'cite'];
const PLACEHOLDER = /^data:|placeholder|blank\.(?:gif|png)|spacer|lazy|1x1|pixel\.gif/i;

/** Moves lazy-loading attributes into src/srcset so images show without the page's scripts. */
function promoteLazy(el: Element): void {
  const src = el.getAttribute('src') ?? '';
  const lazy = LAZY_SRC.map((name) => el.getAttribute(name)).find((v) => v && !/^data:/i.test(v));
  if (lazy && (!src || PLACEHOLDER.test(src))) el.setAttribute('src', lazy);
  const lazySet = LAZY_SRCSET.map((name) => el.getAttribute(name)).find(Boolean);
  if (lazySet && !el.getAttribute('srcset')) el.setAttribute('srcset', lazySet);
}

/** Resolves each candidate of a srcset against `base`. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      const abs = absoluteHttpUrl(url, base);
      return abs ? [abs, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** Makes links and media absolute (dropping unusable ones) after DOMPurify filtered the attributes. */
function absolutize(el: Element, base: string): void {
  for (const name of URL_ATTRS) {
    const value = el.getAttribute(name);
    if (value === null || value.startsWith('#') || /^(?:mailto|tel):/i.test(value)) continue;
    const abs = absoluteHttpUrl(value, base);
    if (abs) el.setAttribute(name, abs);
    else if (!/^data:image\//i.test(value)) el.removeAttribute(name);
  }
  const srcset = el.getAttribute('srcset');
  if (srcset !== null) el.setAttribute('srcset', absoluteSrcset(srcset, base));
}

/**
 * Sanitises `html` in an inert document of `win` and returns the clean body element
 * (the caller reads its innerHTML and text). `base` resolves relative addresses.
 */
export function sanitizeArticleHtml(
  html: string,
  win: Window & typeof globalThis,
  base: string,
): Element | null {
  const purify = DOMPurify(win);
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeType === 1) promoteLazy(node as Element);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    absolutize(el, base);
    if (el.tagName === 'A' && el.getAttribute('href'))
      el.setAttribute('rel', 'noopener noreferrer');
  });
  const body: Node | null = purify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'target'],
    ALLOW_DATA_ATTR: false,
    RETURN_DOM: true,
  });
  return body && body.nodeType === 1 ? (body as Element) : null;
}
