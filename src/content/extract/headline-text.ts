/**
 * The words of a headline element as a reader takes them for the title: news sites put the
 * kicker (the topic line above the headline, "Dachzeile", "overline", "supertitle") and
 * sometimes a subline inside the <h1>, with a separator only screen readers hear. The kicker and
 * the subline are left out when a headline is left; the headline itself is what the title is.
 */
import { collapseSpace } from '../../shared/article-html/text.ts';

/** Class names of the parts of an <h1> that are not its headline. */
const NOT_THE_HEADLINE =
  /kicker|overline|dachzeile|spitzmarke|topline|roofline|eyebrow|super-?title|subline|visually-hidden|sr-only|screen-reader-text/i;

/**
 * Elements in a heading whose text no reader sees: pages styled from scripts set a <style> of
 * their own inside the heading (".css-umyvef{font-size:16px…}" before the headline's words).
 */
const UNSEEN = 'style, script, template, noscript';

export function headlineText(heading: Element): string {
  const parts = Array.from(heading.querySelectorAll('[class]')).filter((el) =>
    NOT_THE_HEADLINE.test(el.getAttribute('class') ?? ''),
  );
  const unseen = heading.querySelector(UNSEEN) !== null;
  if (parts.length === 0 && !unseen) return collapseSpace(heading.textContent);
  const copy = heading.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(UNSEEN))) el.remove();
  const whole = collapseSpace(copy.textContent);
  if (parts.length === 0) return whole;
  for (const el of Array.from(copy.querySelectorAll('[class]'))) {
    if (NOT_THE_HEADLINE.test(el.getAttribute('class') ?? '')) el.remove();
  }
  // The separator between kicker and headline may be plain text ("Kicker : Headline").
  const rest = collapseSpace(copy.textContent).replace(/^[\s:：|–—-]+|[\s:：|–—-]+$/gu, '');
  // A headline of one word is more likely a label than what is left of the headline.
  return rest.split(' ').length >= 2 ? rest : whole;
}
