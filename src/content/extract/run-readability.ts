/**
 * Readability, run on copies of the page: the whole page first, the page with its hidden parts
 * shown when that gave a stub, the article's own region when it picked a box beside it or one
 * paragraph of it, the page around a data table when it picked the table's rows, and the page
 * without boxes that are never the article when it picked one.
 */
import { Readability } from '@mozilla/readability';
import { collapseSpace, withoutSpace } from '../../shared/article-html/text.ts';
import { readableCopy, TABLE_STAND_IN } from './clone.ts';
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
 * a script shows it; when it is a short block and `region` (the <article> or <main> holding the
 * headline) holds much more, the region is read again (see readRegionInstead); when it is a data
 * table's rows, the page around the table is read; when it is a box that is never the article,
 * the page is read again without such boxes (`headline`'s own container kept).
 */
export function runReadability(
  doc: Document,
  failures: StepFailures,
  region: () => Element | null,
  headline: Element | null = null,
) {
  const { copy, hidesContent } = readableCopy(doc, { headline });
  const parsed = parseCopy(copy, failures);
  const text = collapseSpace(parsed?.textContent);
  // A page that hides nothing would give the same copy again.
  if (text.length < STUB_TEXT && hidesContent) {
    const revealed = parseCopy(readableCopy(doc, { revealHidden: true, headline }).copy, failures);
    if (collapseSpace(revealed?.textContent).length > Math.max(2 * text.length, STUB_TEXT))
      return revealed;
  }
  const chosen =
    readRegionInstead(doc, text, region, failures) ??
    readAroundTable(doc, parsed, failures) ??
    parsed;
  return readWithoutBoxes(doc, chosen, { region, headline }, failures) ?? chosen;
}

type Parsed = ReturnType<typeof parseCopy>;

/** At least this many rows of two cells or more make a data table, not a page laid out in one. */
const DATA_ROWS = 5;

/** The first of the rows Readability picked, when its pick is (or only wraps) a data table's rows. */
function pickedTableRow(parsed: NonNullable<Parsed>): Element | null {
  const content = parsed.content as unknown as Element | null;
  let el = content?.firstElementChild ?? null;
  for (let depth = 0; el && depth <= PICK_DEPTH; depth++) {
    const rows = Array.from(el.children).filter((child) => child.localName === 'tr');
    const dataRows = rows.filter((row) => cellCount(row) >= 2);
    if (dataRows.length >= DATA_ROWS && dataRows.length >= 0.8 * rows.length)
      return rows[0] ?? null;
    el = el.childElementCount === 1 ? el.firstElementChild : null;
  }
  return null;
}

const cellsOf = (row: Element): Element[] =>
  Array.from(row.children).filter((cell) => cell.localName === 'td' || cell.localName === 'th');
const cellCount = (row: Element): number => cellsOf(row).length;
/** A row's cells' text: the copy goes without the whitespace between cells that the page has. */
const rowKey = (row: Element): string =>
  cellsOf(row)
    .map((cell) => collapseSpace(cell.textContent))
    .join('\n');

/** The page's table holding a row with `row`'s cells. */
function tableWithRow(doc: Document, row: Element): Element | null {
  const key = rowKey(row);
  for (const candidate of Array.from(doc.getElementsByTagName('tr')))
    if (rowKey(candidate) === key) return candidate.closest('table');
  return null;
}

/**
 * Readability again, with the table as an empty stand-in, when it picked a data table's rows: a
 * table of hundreds of short cells outscores the article's paragraphs around it (a list of MPs
 * under a news story). The article found that way gets the table back in its place; it is kept
 * when it holds the stand-in and some text of its own.
 */
function readAroundTable(doc: Document, parsed: Parsed, failures: StepFailures): Parsed | null {
  const row = parsed ? pickedTableRow(parsed) : null;
  const table = row ? tableWithRow(doc, row) : null;
  if (!table) return null;
  const again = parseCopy(readableCopy(doc, { standIn: table }).copy, failures);
  const content = again?.content as unknown as Element | null | undefined;
  const standIn = content?.querySelector(`table.${TABLE_STAND_IN}`);
  if (!again || !content || !standIn || collapseSpace(again.textContent).length < STUB_TEXT)
    return null;
  standIn.replaceWith(content.ownerDocument.importNode(table, true));
  // Readability measured its text without the table.
  again.textContent = content.textContent ?? '';
  return again;
}

/**
 * Boxes that are never the article, by their class or id: a cookie notice, a newsletter or contact
 * form, an advertiser disclosure, a dialog or flyout, the footer, the writer's box.
 */
const NOT_THE_ARTICLE =
  /(?:^|[^a-z])(?:cookies?|consent|gdpr|newsletter|subscri[a-z]*|signup|disclosure|disclaimer|popup|modal|dialog|footer|form|author)(?:[^a-z]|$)|flyout/i;
/** Longest class-and-id string read for that. */
const MAX_HINT = 200;
/** How deep into a single-child chain Readability's pick is looked at for such a box. */
const PICK_DEPTH = 3;
/** Below this many characters, the page read without those boxes has no article either. */
const MIN_ARTICLE_TEXT = 80;

const boxHint = (el: Element): string => `${el.id} ${el.getAttribute('class') ?? ''}`;
const isHinted = (el: Element, hint: RegExp): boolean => {
  const text = boxHint(el);
  return text.length > 1 && text.length < MAX_HINT && hint.test(text);
};

/** A control named for closing ("close", "btn-close", "schliessen"), by its class or id. */
const CLOSE_CONTROL = /(?:^|[\s_-])(?:close|schlie(?:ss|ß)en|fermer|cerrar|chiudi)(?:$|[\s_-])/i;

/**
 * A box that opens or ends with a control to close it is a dialog laid over the page (the shop's
 * delivery terms, a notice), shown by a script and hidden by the page's style sheet until then.
 */
const isDialog = (el: Element): boolean => {
  const first = el.firstElementChild;
  const last = el.lastElementChild;
  return (!!first && isHinted(first, CLOSE_CONTROL)) || (!!last && isHinted(last, CLOSE_CONTROL));
};

const isNotTheArticle = (el: Element): boolean => isHinted(el, NOT_THE_ARTICLE) || isDialog(el);

/**
 * Whether Readability's text (`picked`) begins inside one of the page's dialogs. Readability may
 * drop the dialog's close control and its ids, so the dialog is found on the page.
 */
function pickedADialog(doc: Document, picked: string): boolean {
  // Compared without whitespace: the copy goes without the whitespace between blocks.
  const start = withoutSpace(picked.slice(0, 80));
  if (!start) return false;
  for (const control of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const dialog = control.parentElement;
    if (
      dialog &&
      isHinted(control, CLOSE_CONTROL) &&
      isDialog(dialog) &&
      withoutSpace(dialog.textContent ?? '').includes(start)
    )
      return true;
  }
  return false;
}

/** Whether Readability's article is one of those boxes (or holds nothing but one). */
function pickedABox(parsed: NonNullable<ReturnType<typeof parseCopy>>): boolean {
  const content = parsed.content as unknown as Element | null;
  // Readability wraps what it picked in a page <div>; a box may sit inside one-child wrappers.
  let el = content?.firstElementChild?.firstElementChild ?? null;
  for (let depth = 0; el && depth < PICK_DEPTH; depth++) {
    if (isNotTheArticle(el)) return true;
    el = el.childElementCount === 1 ? el.firstElementChild : null;
  }
  return false;
}

/**
 * Readability again, on a copy without such boxes, when it picked one: a newsletter form of a few
 * paragraphs outscores an article set one paragraph per nested block. The containers of the
 * headline and of the article's region are never left out.
 */
function readWithoutBoxes(
  doc: Document,
  parsed: ReturnType<typeof parseCopy>,
  kept: { region: () => Element | null; headline: Element | null },
  failures: StepFailures,
) {
  if (!parsed) return null;
  // Only a short pick is doubted; the page is searched for dialogs only when no box explains it.
  const picked = collapseSpace(parsed.textContent);
  if (picked.length >= SHORT_PICK || !(pickedABox(parsed) || pickedADialog(doc, picked)))
    return null;
  const root = kept.region();
  const { headline } = kept;
  const leaveOut = (el: Element): boolean =>
    isNotTheArticle(el) && !el.contains(headline) && !(root && el.contains(root));
  const again = parseCopy(readableCopy(doc, { leaveOut, headline }).copy, failures);
  return collapseSpace(again?.textContent).length >= MIN_ARTICLE_TEXT ? again : null;
}

/** Up to this many characters, Readability's pick may be a box beside the article or a part of it. */
const SHORT_PICK = 2000;

/**
 * Readability on the article's own region (the <article> or <main> holding the headline) when on
 * the whole page it picked a short block and the region holds at least three times that text.
 * A block outside the region (an author box, a disclaimer, a teaser): the region is read alone. A
 * block inside it (one paragraph of an article a page builder sets one paragraph per nested
 * wrapper, none of them siblings): the region is read without wrappers around a single element,
 * and that reading is kept when it holds the block.
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
  const start = picked.slice(0, 80);
  const inside = picked !== '' && regionText.includes(start);
  const parsed = parseCopy(readableCopy(doc, { region: root, flatten: inside }).copy, failures);
  const text = collapseSpace(parsed?.textContent);
  return text.length > 2 * picked.length && (!inside || text.includes(start)) ? parsed : null;
}
