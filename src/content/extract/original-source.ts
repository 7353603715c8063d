/**
 * Aggregators republish articles with a "Source link" to the original publisher, which is what the
 * user should cite.
 */
import { elementsWhere, isLink } from '../../shared/article-html/elements.ts';
import { absoluteHttpUrl, hostOf } from '../../shared/url.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';

const SOURCE_LABEL =
  /^(?:source(?:\s+link)?|sources?\s*:|original(?:\s+(?:article|source|story|post))?|read (?:the )?(?:original|full) (?:article|story)|originally (?:published|appeared)|lire l['’]article (?:original|complet)|article original|lien (?:source|d['’]origine)|quelle|fuente|fonte|fonte originale)\b/i;

/** Up to 80 characters of text just before `a`, from its preceding siblings (and its parent's). */
function textBefore(a: Element): string {
  let text = '';
  for (let node: Node | null = a; node && text.length < 80; node = node.parentNode) {
    for (let prev = node.previousSibling; prev && text.length < 80; prev = prev.previousSibling) {
      text = `${prev.textContent ?? ''} ${text}`;
    }
    if (
      node.parentNode?.nodeName &&
      /^(?:P|LI|DIV|FOOTER|BLOCKQUOTE)$/.test(node.parentNode.nodeName)
    )
      break;
  }
  return collapseSpace(text);
}

/** True when the anchor itself, or the text just before it, labels it as the source. */
function isSourceAnchor(a: Element): boolean {
  if (SOURCE_LABEL.test(collapseSpace(a.textContent))) return true;
  const before = textBefore(a);
  return before.length <= 60 && SOURCE_LABEL.test(before);
}

/**
 * The address of the original publisher when the body links to one on another host. The page's
 * own hosts are its address and its canonical address: a copy read through a mirror, cache or
 * proxy links back to its canonical host, and that is not the original publisher.
 */
export function originalSourceUrl(
  roots: readonly Element[],
  pageUrl: string,
  canonicalUrl: string | null,
): string | null {
  const ownHosts = new Set([hostOf(pageUrl), hostOf(canonicalUrl)].filter(Boolean));
  for (const root of roots) {
    for (const a of elementsWhere(root, isLink)) {
      const href = absoluteHttpUrl(a.getAttribute('href'), pageUrl);
      const host = hostOf(href);
      if (href && host && !ownHosts.has(host) && isSourceAnchor(a)) return href;
    }
  }
  return null;
}
