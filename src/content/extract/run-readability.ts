/**
 * Readability, run on copies of the page: the whole page first, the page with its hidden parts
 * shown when that gave a stub, and the article's own region when it picked a box beside it.
 */
import { Readability } from '@mozilla/readability';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { readableCopy } from './clone.ts';
import type { StepFailures } from './failures.ts';

/**
 * Readability on a trimmed copy, so the live page is never changed; it returns its article element.
 * What it throws is recorded, and the page is kept without a body.
 */
function parseCopy(copy: Document, failures: StepFailures) {
  const options = { disableJSONLD: true, keepClasses: true, serializer: (el: Node) => el };
  return failures.run('readability', () => new Readability(copy, options).parse(), null);
}

/** Below this many characters, Readability found a stub rather than the article. */
const STUB_TEXT = 200;

/**
 * Readability's article; when the visible page yields only a stub, the article may be hidden until
 * a script shows it; when it is a short box outside `region` (the <article> or <main> holding the
 * headline), the region is read alone.
 */
export function runReadability(
  doc: Document,
  failures: StepFailures,
  region: () => Element | null,
) {
  const { copy, hidesContent } = readableCopy(doc);
  const parsed = parseCopy(copy, failures);
  const text = collapseSpace(parsed?.textContent);
  // A page that hides nothing would give the same copy again.
  if (text.length < STUB_TEXT && hidesContent) {
    const revealed = parseCopy(readableCopy(doc, { revealHidden: true }).copy, failures);
    if (collapseSpace(revealed?.textContent).length > Math.max(2 * text.length, STUB_TEXT))
      return revealed;
  }
  return readRegionInstead(doc, text, region, failures) ?? parsed;
}

/** Up to this many characters, Readability's pick may be a box beside the article. */
const SHORT_PICK = 2000;

/**
 * Readability on the article's own region (the <article> or <main> holding the headline) when on
 * the whole page it picked a short block outside it (an author box, a disclaimer, a teaser) and
 * the region holds at least three times that text.
 */
export function readRegionInstead(
  doc: Document,
  picked: string,
  region: () => Element | null,
  failures: StepFailures,
) {
  if (picked.length >= SHORT_PICK) return null;
  const root = region();
  const regionText = root ? collapseSpace(root.textContent) : '';
  if (!root || regionText.length < 3 * Math.max(picked.length, STUB_TEXT)) return null;
  if (picked && regionText.includes(picked.slice(0, 80))) return null;
  const parsed = parseCopy(readableCopy(doc, { region: root }).copy, failures);
  return collapseSpace(parsed?.textContent).length > 2 * picked.length ? parsed : null;
}
