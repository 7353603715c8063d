/**
 * Whether the page holds an article worth saving as text, or is an app screen (sign-in, search)
 * kept as a link.
 */
import { hasMoreChildrenThan } from '../../shared/article-html/elements.ts';
import type { PageIndex } from './scan.ts';

const MIN_WORDS = 10;
const SHORT_ARTICLE_WORDS = 120;
/** A block this long is a story's paragraph, not the prompt of a sign-in screen. */
const BRIEF_PARAGRAPH_WORDS = 30;
/** A block this long is a sentence of running text: a story's lead. */
const LEAD_SENTENCE_WORDS = 15;

/** True when the page is a sign-in or sign-up screen: a form with a password field. */
const isSignIn = (page: PageIndex): boolean =>
  page.tagged('input').some((el) => el.getAttribute('type')?.toLowerCase() === 'password');

/** True when some block of the body reads like running text (`minWords` words or more). */
function hasProse(body: Element, minWords: number): boolean {
  for (const p of Array.from(body.querySelectorAll('p, li, blockquote, pre, td, div'))) {
    if (hasMoreChildrenThan(p, 8)) continue;
    const words = (p.textContent ?? '').split(/\s+/).filter(Boolean).length;
    if (words >= minWords) return true;
  }
  return false;
}

/**
 * An article: Readability found at least a few words of running text, and a short text is not
 * the furniture of a sign-in screen (a news brief on a site with a sign-in box in its header
 * is still an article: it has a paragraph no sign-in prompt is as long as). A page whose
 * metadata declares when it was published (`dated`) is a story: behind a paywall, the one
 * sentence of its lead shown above the sign-in box is still what a reader saves.
 */
export function isArticleBody(
  page: PageIndex,
  body: Element | null,
  wordCount: number,
  dated = false,
): boolean {
  if (!body || wordCount === 0) return false;
  if (wordCount >= SHORT_ARTICLE_WORDS) return true;
  if (isSignIn(page)) return hasProse(body, dated ? LEAD_SENTENCE_WORDS : BRIEF_PARAGRAPH_WORDS);
  return wordCount >= MIN_WORDS || hasProse(body, 6);
}
