/**
 * Share bars, newsletter boxes, related-story lists and theme furniture ("Exit mobile version") are
 * not the article.
 */
import { hasMoreChildrenThan, isEmbeddedPost, isHeading, setApartIn } from './elements.ts';
import { collapseSpace, textWithin } from './text.ts';

const FURNITURE_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|sharedaddy|newsletter\w*|subscribe|subscription|signup|related|recommended|trending|more-?stories|read-?more|read-?next|promo|advert\w*|ad-?slot|disclaimer|disclosure|sponsor\w*|outbrain|taboola|pay-?wall|reg-?wall|jp-relatedposts|mobile-?version|print-?only|screen-reader-text)(?:$|[\s_-])/i;
const FURNITURE_TEXT =
  /^(?:exit mobile version|share(?: this(?: article| story)?)?(?: on \w+)?|partager|teilen|compartir|condividi|compartilhe|related(?: posts| stories| articles)?|recent posts|read more|read next|more stories|sign up(?: for| to)? (?:our|the) newsletter.*|subscribe(?: to our newsletter)?|advertisement|publicité|anzeige|werbung|publicidad|pubblicità|publicidade|reklama|articles similaires|à lire aussi|lire aussi|lesen sie auch|mehr zum thema|leer más|leggi anche|leia também|(?:image|photo|picture|bild|foto) \d+ (?:of|von|de|di) \/? ?\d*|caption|close|sign in|log in)\s*[:.!]?$/i;
/**
 * The page's controls and prompts, written out as text once its scripts are gone: rate, share,
 * print, comment, log in, load more, show the picture or the sources; and the labels a page hides
 * for screen readers ("Image caption", "Media playback is unsupported on your device").
 */
const CONTROL_TEXT =
  /^(?:(?:war|ist) (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)\??|hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|valora (?:esta|la) noticia|rate this (?:article|post|story|recipe)|was this (?:article|post|page) helpful\??|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen\??|(?:artikel|beitrag) gefallen\? vergiss nicht,? (?:ihn |es )?zu teilen!?|(?:rezept|artikel|seite) drucken|print (?:this )?(?:article|recipe|page)|imprimir(?: (?:noticia|artículo))?|imprimer(?: l'article)?|drukuj|kommentare? schreiben|kommentieren|leave a (?:comment|reply)|write a comment|sie müssen sich einloggen,? um .{0,80}|sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)\.?|you must be logged in to .{0,60}|lade weitere inhalte|mehr laden|load more|cargar más|bild anzeigen|zum vergrößern (?:auf das bild )?klicken|click to enlarge|quellen (?:ausblenden|anzeigen)|zurück(?: zur (?:übersicht|startseite))?|nach oben|back to top|(?:keine kommentare\.?\s*)?kommentare sind geschlossen|(?:no comments\.?\s*)?comments are closed|du musst eingeloggt sein.{0,120}|(?:diese website|this site) (?:verwendet|uses) akismet.{0,200}|view author archive|e-?mail the author|follow on (?:twitter|facebook|instagram)|text size|enlarge (?:this )?image|donate(?: now| today)?|jetzt spenden|faire un don|image copyright|image caption|media caption|media playback is unsupported on your device)\s*(?:[.!]|\.{3}|…)?$/iu;
/**
 * What stands in for an embedded post until the reader agrees to load it ("Mit dem Laden des
 * Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram", "Twitter freischalten",
 * "Instagram-Beiträge immer entsperren"): the post itself is not in the saved page.
 */
const EMBED_CONSENT =
  /^(?:mit dem laden des \p{L}+ akzeptieren sie die datenschutzerklärung von .{1,40}|(?:[\p{L}-]+-)?(?:beiträge|inhalte|videos|tweets|karten) immer (?:entsperren|laden|anzeigen)|(?:twitter|x|instagram|youtube|facebook|tiktok|vimeo|spotify|inhalt|inhalte|video|karte|tweet) (?:freischalten|entsperren)|(?:beitrag|inhalt|video|tweet|karte) laden|datenschutzeinstellungen (?:verwalten|anpassen|ändern)|.{0,80}ohne (?:dein|ihr) einverständnis keine verbindung zu .{1,200})$/iu;
/**
 * How long the article takes to read, labelled ("Lesezeit: 3 min", "Estimated reading time: 6
 * minutes"): the page's words, not the writer's. A bare "5 min read" is left: on a blog's index
 * each listed post has one, and the listing is what was saved.
 */
const READING_TIME =
  /^(?:(?:estimated )?reading time:? .{1,20}|lesezeit(?::| von) .{1,20}|temps de lecture ?:? .{1,20}|tiempo (?:estimado )?de lectura:? .{1,20}|ten tekst przeczytasz w .{1,30})$/iu;
/**
 * A blog's line under its post: when it was posted and where it is filed ("This entry was posted
 * on … and is filed under …", "Der Beitrag wurde am … veröffentlicht und wurde unter … abgelegt").
 */
const POST_FOOTER =
  /^(?:this entry was posted|(?:der|dieser) (?:beitrag|eintrag|artikel) wurde am|erstellt am)\b.{0,200}(?:filed under|abgelegt unter|veröffentlicht und wurde unter)/iu;
/**
 * The publication's note on its paid links ("Für Links auf dieser Seite erhält CHIP ggf. eine
 * Provision vom Händler", "We may receive compensation for some of the links in our stories", "As
 * an Amazon Associate I earn from qualifying purchases"): the same on every page of the site. In
 * German the note names the links, as a trader's "Provision" in a story does not.
 */
const AFFILIATE_NOTE =
  /\b(?:we|i) (?:may |might |can )?(?:earn|receive|get|make) (?:a )?(?:small )?(?:affiliate )?(?:commission|compensation)\b|\bas an amazon associate\b|\blinks?\b.{0,100}\bprovision\b|\bprovision\b.{0,100}\blinks?\b|\bnous (?:pouvons )?(?:percevoir|recevoir|toucher|percevons|recevons|touchons) une commission\b|\b(?:podemos )?recib(?:ir|imos) una comisión\b/iu;
/**
 * A paywall's prompt where the story stops ("To view the full story, please subscribe", "Pour lire
 * la suite…", "Um den ganzen Artikel zu lesen…"): what the saved page holds ends there.
 */
const PAYWALL_PROMPT =
  /^(?:to (?:view|read|continue reading|access) (?:the full|the rest of (?:the|this)|this) (?:story|article)\b.{0,20}\b(?:subscribe|log in|sign in|register)|(?:subscribe|log in|sign in|register) to (?:continue reading|read the (?:full|rest of the) (?:story|article))|pour lire la suite\b|(?:um|zum) (?:den|diesen) (?:ganzen |vollständigen |kompletten )?(?:artikel|beitrag) (?:zu )?(?:lesen|weiterzulesen)\b|para (?:seguir|continuar) leyendo\b)/iu;
/**
 * A picture's or a table's credit set as a line of its own, labelled ("Bild: Jahr Media", "Quelle:
 * Landesregierung", "Credits: Titelbild …"): whose picture or figures they are, not the story.
 * "Foto:" and "Photo:" are left: Readability's own test pages keep such lines. So is a line that
 * links its source ("Quelle: <a>Stadtbote</a>"): it names where a syndicated story first ran.
 */
const LABELLED_CREDIT =
  /^(?:bild|bilder|fotos|bildquelle|quelle|titelbild|credits?)\s*:\s*\S.{0,120}$/iu;
const isLabelledCredit = (el: Element, text: string): boolean =>
  LABELLED_CREDIT.test(text) && el.querySelector('a[href]') === null;
const MAX_FURNITURE_TEXT = 600;
/** Most child elements an unmarked element may have and still be furniture by its words. */
const MAX_CONTROL_CHILDREN = 5;

/** Share of the element's text that sits in links: related-story lists are mostly links. */
export function linkShare(el: Element, length: number): number {
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a')))
    linked += collapseSpace(a.textContent).length;
  return length ? linked / length : 1;
}

/**
 * Longest text an unmarked element may have and still be furniture by its words ("Share this
 * article").
 */
const MAX_UNMARKED_TEXT = 300;

/** Addresses that share the page on a network or by message rather than link to a story. */
const SHARE_ADDRESS =
  /^(?:whatsapp:|sms:|mailto:\?)|\/\/(?:[\w-]+\.)*(?:facebook\.com\/shar|twitter\.com\/(?:intent|share)|x\.com\/intent|pinterest\.[a-z.]+\/pin\/create|linkedin\.com\/share|reddit\.com\/submit|t\.me\/share|wa\.me\/|api\.whatsapp\.com\/send)/i;
/** Most text a bar of share buttons has ("Whatsapp Facebook Pint Baixar"). */
const MAX_SHARE_BAR_TEXT = 120;

/** A short run of links, most of them to share the page: a share bar without a telling class. */
function isShareBar(el: Element): boolean {
  // The text budget first: it gives up on a long block after a few words, where listing the
  // links of every block of the article would walk each subtree again.
  const raw = textWithin(el, MAX_SHARE_BAR_TEXT);
  if (raw === null) return false;
  const links = Array.from(el.getElementsByTagName('a'));
  const shares = links.filter((a) => SHARE_ADDRESS.test(a.getAttribute('href') ?? '')).length;
  if (shares < 2 || shares * 2 < links.length) return false;
  // Mostly links: a button the page scripts ("Pint") may have lost its address.
  return linkShare(el, collapseSpace(raw).length) >= 0.6;
}

/** What joins the steps of a breadcrumb trail ("Mensagens » Autoestima » Só quem se Ama…"). */
const TRAIL_STEP = /\s+[»›]\s+/u;
const MAX_TRAIL_TEXT = 200;

/**
 * A breadcrumb trail without a telling class: three or more steps joined by "»" or "›", the
 * steps before the last being links to sections.
 */
function isBreadcrumbTrail(el: Element): boolean {
  const raw = textWithin(el, MAX_TRAIL_TEXT);
  if (raw === null) return false;
  const text = collapseSpace(raw);
  const steps = text.split(TRAIL_STEP);
  if (steps.length < 3) return false;
  const last = steps.at(-1) ?? '';
  return linkShare(el, text.length - last.length) >= 0.8;
}

/**
 * The site's copyright notice ("© 2020 CBS Interactive Inc. All Rights Reserved.", "© 2022,
 * BreakingBelizeNews.com. … Written permission must be obtained before reprint"), not a picture's
 * credit ("© Getty Images"): it ends by reserving rights, or forbids copying.
 */
const COPYRIGHT_NOTICE =
  /^(?:©|ⓒ|\(c\)|copyright\b|materiał chroniony prawem autorskim\b)(?:.{0,150}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone)\.?$|.{0,250}(?:\bno reproduction|\breprint|\brepublication|without (?:prior )?(?:written )?permission|urheberrechtlich geschützt|wszelkie prawa zastrzeżone|ohne (?:vorherige )?genehmigung|무단\s?(?:전재|복제)[^.]{0,20}금지))/iu;

/**
 * The box about the writer under the article ("author-bio", "about-the-author", "post-author"): a
 * portrait and a few lines on who they are, the same under every story they write.
 */
const AUTHOR_BOX_HINT =
  /(?:^|[^a-z])(?:author|autor|auteur)s?[-_]?(?:box|bio|info|about|card|profile|description|details)|about[-_]?(?:the[-_]?)?author|(?:^|[\s_-])(?:post|entry)[-_]author(?:$|[\s_-])/i;
/** Most text an author box holds: a name, a job and a few lines about them. */
const MAX_AUTHOR_BOX_TEXT = 1000;

/** An author box by its class, or the writer's schema.org entity with their bio inside. */
function isAuthorBox(el: Element, hint: string): boolean {
  const marked =
    AUTHOR_BOX_HINT.test(hint) ||
    (el.getAttribute('itemprop') === 'author' && el.hasAttribute('itemscope'));
  return marked && textWithin(el, MAX_AUTHOR_BOX_TEXT) !== null;
}

/**
 * Words that point the reader to another story of the site, ending in a colon ("Lea también:",
 * "VEA TAMBIÉN:", "Mire:", "Lire aussi :", "Lesen Sie auch:", "Read more:"). Not "See also" (a
 * hatnote of an encyclopedia's article), nor a source ("Fuente:", "Quelle:").
 */
const STORY_POINTER =
  /^(?:(?:also )?read(?: (?:also|more|next))?|related(?: (?:story|article|news))?|more|watch|(?:lea|lee)(?: (?:también|además|más))?|(?:mire|vea|ver)(?: (?:también|además|más))?|te puede interesar|le puede interesar|también (?:te|le) puede interesar|noticia relacionada|(?:à )?lire (?:aussi|également)|(?:à )?voir aussi|sur le même sujet|lesen sie (?:auch|mehr|hier)|auch interessant|passend dazu|mehr zum thema|leia (?:também|mais)|veja (?:também|mais)|saiba mais|leggi (?:anche)?|czytaj (?:też|także|więcej)|zobacz (?:też|także))\s*:$/iu;
/** Longest pointer line: its words and one headline. */
const MAX_POINTER_TEXT = 300;

/**
 * A line pointing to another story ("<strong>Lea también: <a>headline</a></strong>"): the
 * pointer's words set apart (bold, italics, a heading), then only link text. The headline is
 * another article's. A pointer in plain text is left: Readability's own test pages keep Le
 * Monde's "Lire aussi : …" and CNN's "Related: …", and Margins holds its score there. `text` is
 * the element's text, collapsed.
 */
function isStoryPointer(el: Element, text: string): boolean {
  if (text.length > MAX_POINTER_TEXT) return false;
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 40 || !STORY_POINTER.test(text.slice(0, colon + 1))) return false;
  const headline = text.length - colon - 1;
  if (headline === 0 || linkShare(el, headline) < 0.9) return false;
  if (isHeading(el)) return true;
  const setApart = el.querySelector('b, strong, em, i');
  const leadIn = text.slice(0, colon).trim();
  return setApart !== null && collapseSpace(setApart.textContent).startsWith(leadIn);
}

/**
 * A tweet's signature ("— West Ham United (@WestHam) October 31, 2021") without the tweet: the
 * embed code puts the post's words in a <p>, which Readability may have dropped for its links.
 */
const isTweetWithoutPost = (el: Element): boolean =>
  isEmbeddedPost(el) &&
  /(?:^|\s)twitter-/.test(el.getAttribute('class') ?? '') &&
  el.querySelector('p') === null;

/** True for an element of the page's furniture, not of the article. */
export function isPageFurniture(el: Element): boolean {
  if (isShareBar(el) || isBreadcrumbTrail(el) || isTweetWithoutPost(el)) return true;
  const hint = `${el.id} ${el.getAttribute('class') ?? ''}`;
  if (hint.length < 200 && isAuthorBox(el, hint)) return true;
  // An embedded post ("social-media-embed" around a tweet's <blockquote>) is quoted content.
  const hinted =
    hint.length > 1 &&
    hint.length < 200 &&
    FURNITURE_HINT.test(hint) &&
    el.getElementsByTagName('blockquote').length === 0;
  // A block of many children is a container, not a control; a counter written in five spans
  // ("Image <span>1</span> <span>of</span> <span>/</span> <span>9</span>") still is one.
  if (!hinted && hasMoreChildrenThan(el, MAX_CONTROL_CHILDREN)) return false;
  const raw = textWithin(el, hinted ? MAX_FURNITURE_TEXT * 4 : MAX_UNMARKED_TEXT);
  if (raw === null) return false;
  const text = collapseSpace(raw);
  if (
    FURNITURE_TEXT.test(text) ||
    CONTROL_TEXT.test(text) ||
    EMBED_CONSENT.test(text) ||
    READING_TIME.test(text) ||
    isStoryPointer(el, text) ||
    COPYRIGHT_NOTICE.test(text) ||
    POST_FOOTER.test(text) ||
    AFFILIATE_NOTE.test(text) ||
    isLabelledCredit(el, text) ||
    PAYWALL_PROMPT.test(text)
  )
    return true;
  if (!hinted) return false;
  // A hinted block is furniture when short, or when it is mostly links (a list of other stories).
  return text.length <= MAX_FURNITURE_TEXT || linkShare(el, text.length) > 0.5;
}

/** "…", "...", "[…]" ending a text cut short. */
const CUT_SHORT = /(?:…|\.\.\.|\[(?:…|\.\.\.)\])$/u;
/** Most text an excerpt card holds: a picture, a headline and a paragraph cut short. */
const MAX_CARD_TEXT = 1500;

/** Text of a card, or null when it is too long to be one. */
const cardText = (el: Element): string | null => {
  const raw = textWithin(el, MAX_CARD_TEXT);
  return raw === null ? null : collapseSpace(raw);
};

const NO_CARDS: ReadonlySet<Element> = new Set();

/**
 * The <article> children of `parent` when there are several, all short, and one stops short:
 * cards of other stories in a "You may like" block under the article, which lists excerpts and
 * short pieces alike. A forum thread's posts are <article>s too, but its first is the whole post.
 */
export function excerptCards(parent: Element): ReadonlySet<Element> {
  // Asked of every element the sanitiser walks: most have no <article> child at all.
  const cards: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling)
    if (child.localName === 'article') cards.push(child);
  if (cards.length < 2) return NO_CARDS;
  const texts = cards.map(cardText);
  const isCards =
    texts.every((text) => text !== null) && texts.some((text) => text && CUT_SHORT.test(text));
  return isCards ? new Set(cards) : NO_CARDS;
}

/** Longest text of a teaser card: a kicker, a headline and a line or two. */
const MAX_TEASER_TEXT = 300;
/** Fewest teaser cards in a row taken for a list of other stories (two may be the story's own). */
const MIN_TEASERS = 3;
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#])/i;

/**
 * Whether `el` shows a picture linked to another page of the site: a teaser's picture. A picture
 * linked to its own file (a gallery) or to another site (a shop, a source) is not one.
 */
function picturesAnotherPage(el: Element, site: URL): boolean {
  for (const picture of Array.from(el.querySelectorAll('img, picture'))) {
    const link = picture.closest('a[href]');
    if (!link || !el.contains(link)) continue;
    try {
      const target = new URL(link.getAttribute('href') ?? '', site);
      if (target.host !== site.host || IMAGE_FILE.test(target.pathname)) return false;
      return target.origin + target.pathname !== site.origin + site.pathname;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Whether a card's words include a headline: a heading, or words that are mostly a link. A
 * picture's caption under it is neither (a gallery whose pictures open a page of their own).
 */
const hasHeadline = (card: Element, text: string): boolean =>
  card.querySelector('h1, h2, h3, h4, h5, h6') !== null || linkShare(card, text.length) >= 0.5;

/**
 * Children of `parent` that are teaser cards of other stories, three or more in a row: each a
 * linked picture of another page of the site with a headline and a few words (a kicker, a line
 * of its opening), as in "Most read" rails and the grid of stories under an article. `site` is
 * the page's address.
 */
export function teaserCards(parent: Element, site: URL): Element[] {
  // Asked of every element the sanitiser walks: most have too few children to hold a row.
  if (!hasMoreChildrenThan(parent, MIN_TEASERS - 1)) return [];
  const cards: Element[] = [];
  let row: Element[] = [];
  const endRow = () => {
    if (row.length >= MIN_TEASERS) cards.push(...row);
    row = [];
  };
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const raw = textWithin(child, MAX_TEASER_TEXT);
    const text = raw === null ? '' : collapseSpace(raw);
    if (text && hasHeadline(child, text) && picturesAnotherPage(child, site)) row.push(child);
    else endRow();
  }
  endRow();
  return cards;
}

/** Teaser cards are the page's own content when they hold this share of the body or more. */
const MAX_TEASER_SHARE = 1 / 3;

/**
 * Removes teaser cards (see teaserCards) from a story they stand beside; on an index of stories,
 * where they are most of the text, they are what was saved and stay.
 */
export function dropTeaserCards(root: Element, cards: readonly Element[]): void {
  const inBody = cards.filter((card) => root.contains(card));
  if (inBody.length === 0) return;
  const cardText = inBody.reduce((sum, card) => sum + collapseSpace(card.textContent).length, 0);
  if (cardText >= collapseSpace(root.textContent).length * MAX_TEASER_SHARE) return;
  for (const card of inBody) card.remove();
}

/**
 * The words that introduce a list of other stories ("You may also like…", "Lesen Sie auch"),
 * alone in their element: the lead-in and the run of link-only blocks after it are not the
 * article. A "Lire aussi : <a>…</a>" paragraph holds its own link and is not one of these, and
 * "See also" is left alone: in an encyclopedia it is a section of the article.
 */
const RELATED_LEAD_IN =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:more|other) (?:stories|news|articles)(?: you might like)?|related(?: (?:posts|stories|articles|content|news|reading|links))?|related coverage(?: from [^:]{1,60})?|trending(?: now| stories| articles)?|topics|tags|recommended(?: for you| reading| stories)?|also read|read more|more on this (?:story|topic)|lesen sie auch(?: die folgenden beiträge)?|auch lesen|mehr zum thema(?: (?:auf|bei) [\p{L}\p{N}.-]{2,40})?|mehr themen|weitere (?:\p{L}+tipps|rezepte|informationen)(?: (?:in|zu|zum|zur|für) [\p{L} -]{2,40})?|(?:bilder|fotos) (?:des|der|vom|von der) [\p{L}-]{2,30}|das könnte (?:sie|dich) auch interessieren|auch interessant|weitere artikel|(?:weitere )?beiträge zum thema|weitere beiträge(?: aus der \p{L}+)?|(?:neueste|meistgelesene) (?:artikel|beiträge)|latest (?:articles|posts|stories|news)|most (?:read|popular)(?: in [\p{L} ]{1,30})?|weiterführender? links?|veja também|czytaj (?:też|także)|te puede interesar|también te puede interesar|noticias relacionadas|lea también|vous aimerez aussi|à lire aussi|lire aussi|à lire également|sur le même sujet|leia também|leggi anche)\s*[:.!…]*$/iu;

/** Most text a block of the run may have: a headline, not a paragraph. */
const MAX_LINK_BLOCK_TEXT = 300;

/** A block that is one or a few links and nothing else (a headline pointing elsewhere). */
function isLinkBlock(el: Element): boolean {
  const raw = textWithin(el, MAX_LINK_BLOCK_TEXT);
  if (raw === null) return false;
  const text = collapseSpace(raw);
  return text.length > 0 && linkShare(el, text.length) >= 0.9;
}

/**
 * Whether `card` is a teaser of another story under such a lead-in: a few words with a linked
 * headline or a linked picture ("Krieg und …" over a line of its opening).
 */
function isLinkedTeaser(card: Element): boolean {
  const raw = textWithin(card, MAX_TEASER_TEXT);
  if (raw === null) return false;
  const text = collapseSpace(raw);
  if (text && linkShare(card, text.length) >= 0.5) return true;
  const linkedPart = (selector: string): boolean =>
    Array.from(card.querySelectorAll(selector)).some((part) => part.closest('a[href]') !== null);
  return linkedPart('img, picture') || linkedPart('h2 a[href], h3 a[href], h4 a[href]');
}

/** Whether `block` is a row or grid of two or more such teasers, and nothing else. */
function isTeaserGrid(block: Element): boolean {
  if (!hasMoreChildrenThan(block, 1)) return false;
  for (let card = block.firstElementChild; card; card = card.nextElementSibling)
    if (!isLinkedTeaser(card)) return false;
  return true;
}

/**
 * When `el` is a related-stories lead-in followed by link-only blocks (or a list of links, or
 * teasers one by one or in a grid), the lead-in and those blocks; else nothing.
 */
export function relatedStoriesFrom(el: Element): Element[] {
  const raw = textWithin(el, 80);
  if (raw === null || !RELATED_LEAD_IN.test(collapseSpace(raw))) return [];
  const run: Element[] = [];
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    const list = next.localName === 'ul' || next.localName === 'ol';
    const text = collapseSpace(textWithin(next, MAX_FURNITURE_TEXT * 4) ?? '');
    if (list ? text.length > 0 && linkShare(next, text.length) > 0.5 : isLinkBlock(next)) {
      run.push(next);
    } else if (isLinkedTeaser(next) || isTeaserGrid(next)) run.push(next);
    else break;
  }
  return run.length > 0 ? [el, ...run] : [];
}

/** The text node holding the last words under `node`. */
function lastWords(node: Node): Node | null {
  for (let child = node.lastChild; child; child = child.previousSibling) {
    if (child.nodeType === 3 && /[\p{L}\p{N}]/u.test(child.nodeValue ?? '')) return child;
    const inner = child.nodeType === 1 ? lastWords(child) : null;
    if (inner) return inner;
  }
  return null;
}

const BOLD: ReadonlySet<string> = new Set(['b', 'strong']);
/** Longest heading or lead-in taken for one: a title over a section, not a paragraph. */
const MAX_HEADING_TEXT = 120;
/** A lead-in is left when it holds this share of the body or more: then it may be the body. */
const MAX_HEADING_SHARE = 0.2;

/** The title of a box about the writer, whose box is not the article. */
const ABOUT_THE_AUTHOR =
  /^(?:über (?:den|die) autor(?:in)?|about the author|à propos de l[’']auteur|sobre (?:el|o) autor|sull[’']autore)\s*:?$/iu;
/** "See also": a section of an encyclopedia's article, unless nothing follows it. */
const SEE_ALSO = /^(?:see also|siehe auch|voir aussi|véase también|ver también|vedi anche)\s*:?$/iu;

/**
 * Words that introduce what follows them: other stories ("Das könnte dich auch interessieren"),
 * the writer's box ("Über den Autor"), "Siehe auch", or a heading or bold line ending in a colon
 * ("Mehr Themen:", "Teilnehmende Blogs:"). A heading without one ("Ausblick") may title a short
 * last section and is left.
 */
function isLeadIn(el: Element, text: string): boolean {
  if (RELATED_LEAD_IN.test(text) || ABOUT_THE_AUTHOR.test(text) || SEE_ALSO.test(text)) return true;
  return /:$/u.test(text) && (isHeading(el) || setApartIn(el, BOLD, text));
}

/**
 * The publication's appeal after the story: subscribe or sign up ("Subscribe now to our eNATION
 * edition for the full story"), download its app, follow it or the writer on a network, write a
 * letter to the editor or to the writer ("Write to Al Root at …@dowjones.com"), support its work;
 * and the comment policy. Read only at the end of the
 * body, where such words are about the publication rather than the story's subject.
 */
const CLOSING_PROMO = new RegExp(
  [
    String.raw`^(?:subscribe|sign up)\b`,
    String.raw`\b(?:please subscribe|subscribe (?:now|today|to our)|get a subscription)\b`,
    // Not "subscribe to this newsletter": a newsletter's own issue, saved as the article.
    String.raw`\b(?:sign up for|subscribe to) (?!this\b).{0,60}\bnewsletters?\b`,
    String.raw`\b(?:download|get) (?:the|our)\b.{0,40}\bapps? (?:for|on) (?:ios|android|iphone)\b`,
    String.raw`\bsubmit (?:a|your) letter to the editor\b`,
    String.raw`^write to [\p{L} .'’-]{2,60} at \S+@\S+$`,
    String.raw`\bconsider supporting (?:our|us)\b`,
    String.raw`^we need your (?:help|support)\b`,
    String.raw`^help us (?:continue|keep)\b`,
    String.raw`\bnuestro canal de (?:youtube|telegram|whatsapp)\b`,
    String.raw`\bsíguenos en\b`,
    String.raw`\bsuscr[ií]b(?:ete|irse)\b.{0,60}\b(?:newsletter|boletín)\b`,
    String.raw`\bnecesita del apoyo de sus lectores\b`,
    String.raw`^verpasse keine (?:news|nachrichten|artikel|beiträge)\b`,
    String.raw`\bfolge(?:n sie)? uns auf\b`,
    String.raw`\babonniere(?:n sie)? (?:unseren|den) newsletter\b`,
    String.raw`\bunterstütze(?:n sie)? unser(?:e|en)? (?:magazin|journalismus|arbeit|redaktion)\b`,
    String.raw`\b(?:suivez-nous sur|abonnez-vous)\b`,
    String.raw`\bcoment[aá]rios?\b.{0,150}\bmoderador`,
  ].join('|'),
  'iu',
);
/**
 * "Follow The Gleaner on Twitter", "Follow us on Instagram": a name or pronoun, then a network,
 * opening the block (after a writer's bio, "Follow him on Twitter" belongs to the bio).
 */
const FOLLOW_ON_NETWORK =
  /^[Ff]ollow (?:us|him|her|them|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}) on (?:[Tt]witter|[Ff]acebook|[Ii]nstagram|YouTube|[Ll]inkedIn|TikTok|X)\b/u;
/** Longest closing appeal: a sentence or two. */
const MAX_PROMO_TEXT = 300;
/** An appeal is left when it is this share of the rest of the body or more: a short story's own words. */
const MAX_PROMO_SHARE = 0.5;

const isClosingPromo = (text: string): boolean =>
  text.length <= MAX_PROMO_TEXT && (CLOSING_PROMO.test(text) || FOLLOW_ON_NETWORK.test(text));

/**
 * The block that holds the body's last words, if it is a lead-in or the publication's appeal:
 * with nothing after it, a lead-in introduces what the page showed there and the body does not
 * keep (a list of other stories, a map, a gallery).
 */
function trailingNote(root: Element): Element | null {
  const words = lastWords(root);
  for (let el = words?.parentElement ?? null; el && el !== root; el = el.parentElement) {
    const tag = el.localName;
    if (!isHeading(el) && tag !== 'p' && tag !== 'div') continue;
    const text = collapseSpace(el.textContent);
    const leadIn = text.length <= MAX_HEADING_TEXT && isLeadIn(el, text);
    if (!leadIn && !isClosingPromo(text)) return null;
    const rest = collapseSpace(root.textContent).length - text.length;
    return text.length < rest * (leadIn ? MAX_HEADING_SHARE : MAX_PROMO_SHARE) ? el : null;
  }
  return null;
}

/** Most lead-ins and appeals removed from the end of one body. */
const MAX_TRAILING_NOTES = 4;

/** Removes the lead-ins and appeals that end the body (see trailingNote). */
export function dropTrailingNotes(root: Element): void {
  for (let i = 0; i < MAX_TRAILING_NOTES; i++) {
    const note = trailingNote(root);
    if (!note) return;
    note.remove();
  }
}
