/**
 * Which picture of each image a saved copy keeps. A page offers an image in several sizes (an
 * `<img>`'s `srcset`, a `<picture>`'s `<source>`s); Margins stores one per image, the one that
 * fills a reader column on a high-density screen, and the reader shows exactly that one. Both
 * sides call `imageSourceOf` on the same sanitised body, so they agree on the address.
 */

/**
 * Picture formats Margins keeps, whether fetched or imported. SVG is not: it is a document that
 * can carry scripts and links, and a kept copy must be inert wherever its blob: address is opened.
 */
export function isKeptImageType(type: string): boolean {
  return /^image\/(?:jpeg|pjpeg|png|apng|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon)$/.test(
    type,
  );
}

/** Where a rendered body's image keeps the address Margins stores its picture for. */
export const IMAGE_SOURCE_ATTRIBUTE = 'data-margins-source';

/** Widest the reader's column gets, in CSS pixels, times a 2× screen: wider pictures are waste. */
export const READER_IMAGE_WIDTH = 1_400;
/** Most images one article stores; a gallery page past this keeps the rest remote. */
export const MAX_IMAGES_PER_ARTICLE = 100;

interface Candidate {
  url: string;
  /** `w` descriptor, or null. */
  width: number | null;
  /** `x` descriptor (1 when the candidate has none and no width). */
  density: number;
}

/** The candidates of a `srcset`, as the HTML standard splits them; unusable ones left out. */
export function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  // An address ends at whitespace or at a comma that is followed by whitespace or by the next
  // address (data: addresses hold commas, and are not stored by address anyway).
  for (const part of srcset.split(/,(?=\s|[a-z][\w+.-]*:|\/)/i)) {
    const [url, ...descriptors] = part.trim().split(/\s+/);
    if (!url || !/^https?:/i.test(url)) continue;
    let width: number | null = null;
    let density = 1;
    for (const descriptor of descriptors) {
      const value = Number.parseFloat(descriptor.slice(0, -1));
      if (!(value > 0)) continue;
      if (/w$/i.test(descriptor)) width = value;
      else if (/x$/i.test(descriptor)) density = value;
    }
    candidates.push({ url, width, density });
  }
  return candidates;
}

/**
 * The candidate for a reader column: the narrowest at least READER_IMAGE_WIDTH wide (or the
 * widest if none is), by `w`; by `x`, the densest up to 2×, else the least dense.
 */
export function pickCandidate(candidates: readonly Candidate[]): string | null {
  const widths = candidates.filter((c): c is Candidate & { width: number } => c.width !== null);
  if (widths.length > 0) {
    widths.sort((a, b) => a.width - b.width);
    return (widths.find((c) => c.width >= READER_IMAGE_WIDTH) ?? widths.at(-1))?.url ?? null;
  }
  const byDensity = [...candidates].sort((a, b) => a.density - b.density);
  const upTo2 = byDensity.filter((c) => c.density <= 2);
  return (upTo2[upTo2.length - 1] ?? byDensity[0])?.url ?? null;
}

/** Image types every reader browser shows; a `<source>` of another type is passed over. */
const SHOWN_TYPES = /^image\/(?:jpeg|png|gif|webp|avif|svg\+xml)$/i;

/** The `<source>` elements a `<picture>` offers before `img`, usable in any reader window. */
function pictureSources(img: Element): Element[] {
  const picture = img.parentElement;
  if (picture?.localName !== 'picture') return [];
  return [...picture.children].filter(
    (child) =>
      child.localName === 'source' &&
      // Art direction for narrow screens is not the reader's picture.
      !child.getAttribute('media') &&
      (!child.getAttribute('type') || SHOWN_TYPES.test(child.getAttribute('type') ?? '')),
  );
}

/** The one address Margins stores for this `<img>`, or null when it has no web address. */
export function imageSourceOf(img: Element): string | null {
  for (const source of pictureSources(img)) {
    const chosen = pickCandidate(parseSrcset(source.getAttribute('srcset') ?? ''));
    if (chosen) return chosen;
  }
  const fromSet = pickCandidate(parseSrcset(img.getAttribute('srcset') ?? ''));
  if (fromSet) return fromSet;
  const src = img.getAttribute('src') ?? '';
  return /^https?:/i.test(src) ? src : null;
}

/** Every image address a body keeps, once each, in reading order, up to the per-article limit. */
export function imageSourcesIn(root: ParentNode): string[] {
  const sources = new Set<string>();
  for (const img of root.querySelectorAll('img')) {
    const source = imageSourceOf(img);
    if (source) sources.add(source);
    if (sources.size >= MAX_IMAGES_PER_ARTICLE) break;
  }
  return [...sources];
}

/** The image addresses of a saved body, parsed inert (DOMParser runs nothing of it). */
export function imageSourcesOfHtml(html: string, view: Window & typeof globalThis): string[] {
  const doc = new view.DOMParser().parseFromString(html, 'text/html');
  return imageSourcesIn(doc);
}
