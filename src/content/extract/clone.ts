/**
 * Readability changes the document it reads, so it runs on a copy; the copy leaves out what it
 * would discard anyway.
 */
import { closestWhere, isEmbeddedPost, named } from '../../shared/article-html/elements.ts';

/** Subtrees Readability removes or never reads; copying them only costs time. */
const SKIP = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'canvas',
  'audio',
  'video',
  'select',
  'textarea',
  'dialog',
]);
/** Head elements Readability reads (title, language and its metadata tags). */
const HEAD_KEEP = new Set(['title', 'meta', 'base']);
/** Elements that start a new block, so whitespace between them carries no meaning. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'html',
  'head',
]);

const isBlockOrNone = (node: Node | null): boolean =>
  !node || (node.nodeType === 1 && BLOCK.has((node as Element).localName));

/** True for a node the copy can leave out without changing what Readability extracts. */
function droppable(node: Node, parent: Element): boolean {
  if (node.nodeType === 8) return true;
  if (node.nodeType === 3) {
    if (/\S/.test(node.nodeValue ?? '') || !BLOCK.has(parent.localName)) return false;
    return isBlockOrNone(node.previousSibling) && isBlockOrNone(node.nextSibling);
  }
  if (node.nodeType !== 1) return true;
  const name = (node as Element).localName;
  return SKIP.has(name) || (parent.localName === 'head' && !HEAD_KEEP.has(name));
}

/** One copy's settings, and what it learns about the page on the way. */
interface Copying {
  doc: Document;
  reveal: boolean;
  /** Elements left out of this copy besides those every copy leaves out. */
  leaveOut: ((el: Element) => boolean) | undefined;
  /** A table copied as an empty stand-in (see `TABLE_STAND_IN`). */
  standIn: Element | undefined;
  /** Whether wrappers around a single element are left out (see `readableCopy`). */
  flatten: boolean;
  /** The page's headline: a box set aside that holds it is the article's (see `readableCopy`). */
  headline: Element | null;
  /** Boxes around embedded posts (see `embedBoxes`). */
  embedBoxes: ReadonlySet<Element>;
  /**
   * Whether revealing would change the copy: an element was left out as hidden, or kept with an
   * attribute that hides.
   */
  hidesContent: boolean;
}

/**
 * True for an element left out for what its attributes say: hidden, or navigation and dialogs
 * (outside tables and code). `names` are its attribute names.
 */
function droppableByAttributes(
  el: Element,
  names: readonly string[],
  parent: Element,
  copying: Copying,
): boolean {
  if (parent.localName === 'html') return false;
  if (copying.leaveOut?.(el)) return true;
  if (!copying.reveal && isHidden(el, names)) {
    copying.hidesContent = true;
    return true;
  }
  const role = names.includes('role') ? (el.getAttribute('role') ?? '') : '';
  if (!(PAGE_FURNITURE.has(el.localName) || PAGE_FURNITURE_ROLES.has(role))) return false;
  if (inTableOrCode(parent)) return false;
  const setAside = el.localName === 'aside' || role === 'complementary';
  return !(setAside && copying.headline && el.contains(copying.headline));
}

/** Navigation and dialogs: Readability strips these (by tag or role) from what it extracts. */
const PAGE_FURNITURE = new Set(['nav', 'aside']);
const PAGE_FURNITURE_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'complementary',
]);

/** Inside a table or code block, where Readability keeps everything. */
const inTableOrCode = (el: Element): boolean => closestWhere(el, TABLE_OR_CODE) !== null;
const TABLE_OR_CODE = named('table', 'code', 'pre');

/** Hidden as Readability judges it (it drops such elements on every pass). */
function isHidden(el: Element, names: readonly string[]): boolean {
  if (names.includes('hidden')) return true;
  if (
    names.includes('aria-hidden') &&
    el.getAttribute('aria-hidden') === 'true' &&
    !(el.getAttribute('class') ?? '').includes('fallback-image')
  )
    return true;
  const style = names.includes('style') ? el.getAttribute('style') : null;
  return style !== null && HIDING_STYLE.test(style);
}

/**
 * Readability drops hidden elements, so only a style that hides one is worth copying (parsing CSS
 * is slow).
 */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Attributes neither Readability nor the sanitiser reads, except on the media elements whose every
 * attribute they search for a lazy-loaded image: script data, event handlers and ARIA states
 * (Readability reads only aria-hidden and aria-modal). Sites set dozens per element.
 */
const UNREAD_ATTR = /^(?:data-|on|aria-(?!hidden$|modal$))/;
const MEDIA = new Set(['img', 'picture', 'source', 'figure']);
/** Attributes that hide an element, left out of a copy that reveals hidden content. */
const HIDING_ATTRS = new Set(['hidden', 'aria-hidden', 'style']);

/** Characters outside the plainest element names: letters, digits, `-`, `_` and `.`. */
const NOT_PLAIN_NAME = /[^\p{L}\p{N}_.-]+/gu;

/**
 * An empty element like `el` in `doc`. The HTML parser accepts names the DOM refuses to create
 * (`<p*bs:newslist>`, `<a:b:c>`): such a name is spelled plainly (`p-bs-newslist`), still an
 * unknown element to Readability, as the original was. A prefixed name the DOM accepts
 * (`<dc:creator>`, `<og:title>`) is kept.
 */
function createLike(el: Element, doc: Document): Element {
  try {
    return doc.createElementNS(el.namespaceURI, el.localName);
  } catch {
    const plain = el.localName.replace(NOT_PLAIN_NAME, '-');
    return doc.createElementNS(el.namespaceURI, /^\p{L}/u.test(plain) ? plain : `x-${plain}`);
  }
}

/**
 * A shallow copy of `el` in `doc`, without inline styles that do not hide it (nor those that
 * do, when revealing), nor attributes nothing downstream reads. Attributes are read by name:
 * `el.attributes` would build an Attr object for each one.
 */
function copyElement(el: Element, copying: Copying, names = el.getAttributeNames()): Element {
  const copy = createLike(el, copying.doc);
  const media = MEDIA.has(el.localName);
  for (const name of names) {
    if (!media && UNREAD_ATTR.test(name)) continue;
    const value = el.getAttribute(name) ?? '';
    if (name === 'style' && !HIDING_STYLE.test(value)) continue;
    if (HIDING_ATTRS.has(name)) {
      if (copying.reveal) continue;
      copying.hidesContent = true;
    }
    try {
      copy.setAttribute(name, value);
    } catch {
      // Names the parser accepts but setAttribute rejects ("foo\"") are of no use to Readability.
    }
  }
  return copy;
}

/**
 * Appends to `to` a copy of each kept child of `from`. Each copy gets its children before it is
 * attached: an insertion updates every ancestor of the insertion point, so a tree built from the
 * leaves up costs one update per node instead of one per node and ancestor.
 */
function copyChildren(from: Element, to: Element, copying: Copying): void {
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (droppable(child, from)) continue;
    if (child.nodeType === 3) {
      to.appendChild(copying.doc.createTextNode(child.nodeValue ?? ''));
      continue;
    }
    const el = child as Element;
    if (el === copying.standIn) {
      to.appendChild(tableStandIn(copying.doc));
      continue;
    }
    // Attribute names are read once: whether to keep the element and its copy both need them.
    const names = el.getAttributeNames();
    if (droppableByAttributes(el, names, from, copying)) continue;
    if (copying.flatten && isLoneWrapper(el)) {
      copyChildren(el, to, copying);
      continue;
    }
    const copy = copying.embedBoxes.has(el)
      ? copying.doc.createElement('figure')
      : copyElement(el, copying, names);
    if (el.firstChild) copyChildren(el, copy, copying);
    to.appendChild(copy);
  }
}

/**
 * The class of the empty table that stands in for a table the copy goes without. Its summary
 * makes it a data table to Readability, which keeps those whatever their text, so the stand-in
 * stays where the table was in the article Readability picks.
 */
export const TABLE_STAND_IN = 'margins-table-stand-in';

function tableStandIn(doc: Document): Element {
  const table = doc.createElement('table');
  table.className = TABLE_STAND_IN;
  table.setAttribute('summary', TABLE_STAND_IN);
  return table;
}

const WRAPPERS = new Set(['div', 'section']);
/**
 * Class or id words by which Readability sets a block aside (comments, sidebars, related stories,
 * sharing, promotions): such a wrapper is kept, or its content would lose that mark.
 */
const SET_ASIDE_HINT =
  /comment|disqus|sidebar|related|footer|share|social|sponsor|promo|widget|menu|banner|pagination|hidden|-ad-/i;

/** A <div> or <section> around one element and no words of its own, not marked as set aside. */
function isLoneWrapper(el: Element): boolean {
  if (!WRAPPERS.has(el.localName) || el.childElementCount !== 1) return false;
  if (SET_ASIDE_HINT.test(`${el.id} ${el.getAttribute('class') ?? ''}`)) return false;
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3 && /\S/.test(child.nodeValue ?? '')) return false;
  return true;
}

/** Most text a box around an embedded post holds besides the post's own. */
const MAX_BOX_EXTRA_TEXT = 200;

/**
 * The <div>s and <section>s around each embedded post, up to the first that holds more than
 * three elements or more than the post's text and a caption's, copied as bare <figure>s:
 * Readability drops a <div> whose text is a fifth links or more (a post's address and date are
 * links), and a box whose class says "social", with the post. The posts quoted in a story are
 * part of it.
 */
function embedBoxes(doc: Document): ReadonlySet<Element> {
  const boxes = new Set<Element>();
  // By tag, then class: one pass over the page's quotations, where a selector would test every
  // element of the page.
  for (const post of Array.from(doc.getElementsByTagName('blockquote'))) {
    if (!isEmbeddedPost(post)) continue;
    // A box holds the post and little else (a caption, a script): not the story around it.
    const most = (post.textContent?.length ?? 0) + MAX_BOX_EXTRA_TEXT;
    for (
      let box = post.parentElement;
      box &&
      WRAPPERS.has(box.localName) &&
      box.childElementCount <= 3 &&
      (box.textContent?.length ?? 0) <= most;
      box = box.parentElement
    )
      boxes.add(box);
  }
  return boxes;
}

/** A copy for Readability, and whether the page hides anything a copy that reveals would show. */
export interface ReadableCopy {
  copy: Document;
  hidesContent: boolean;
}

/** A copy of `el` with its kept descendants. */
function copyTree(el: Element, copying: Copying): Element {
  const copy = copyElement(el, copying);
  copyChildren(el, copy, copying);
  return copy;
}

/**
 * A detached copy of `doc` for Readability, without scripts, styles, media and inter-block
 * whitespace. With `revealHidden`, hidden elements are kept and shown: some pages hide their
 * whole article until a script runs (streamed rendering, a dismissable overlay, aria-hidden
 * behind a modal). With `region`, the copy's body holds only that element (the head Readability
 * reads is kept): the article's own region, read alone when Readability chose another block.
 * `leaveOut` names further elements the copy goes without (boxes Readability took for the article);
 * `standIn` a table the copy holds as an empty stand-in (a data table Readability took for it). With
 * `flatten`, a <div> or <section> around a single element is left out and its child copied in its
 * place: paragraphs that a page builder wraps one by one become siblings, as Readability joins them.
 * An <aside> holding `headline` is copied: some sites set their whole story in one (as a "direct
 * content" panel), and Readability would otherwise find only the navigation.
 */
export function readableCopy(
  doc: Document,
  {
    revealHidden = false,
    region,
    leaveOut,
    standIn,
    flatten = false,
    headline = null,
  }: {
    revealHidden?: boolean;
    region?: Element;
    leaveOut?: (el: Element) => boolean;
    standIn?: Element;
    flatten?: boolean;
    headline?: Element | null;
  } = {},
): ReadableCopy {
  const copying: Copying = {
    doc: doc.implementation.createHTMLDocument(''),
    reveal: revealHidden,
    leaveOut,
    standIn,
    flatten,
    headline,
    embedBoxes: embedBoxes(doc),
    hidesContent: false,
  };
  const html = doc.documentElement;
  const root = copyElement(html, copying);
  if (region) {
    if (doc.head) root.appendChild(copyTree(doc.head, copying));
    const body = copying.doc.createElement('body');
    body.appendChild(copyTree(region, copying));
    root.appendChild(body);
  } else copyChildren(html, root, copying);
  // Attached last, for the same reason as each subtree in copyChildren.
  copying.doc.replaceChild(root, copying.doc.documentElement);
  return { copy: copying.doc, hidesContent: copying.hidesContent };
}
