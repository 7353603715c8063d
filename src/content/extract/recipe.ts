/**
 * A recipe's ingredients. Many recipe pages set the list in a box of its own, apart from the
 * method: Readability keeps the method (the longer prose) and leaves the list out, and a recipe
 * saved without what goes into it is of no use to its reader.
 */
import { collapseSpace, withoutSpace } from '../../shared/article-html/text.ts';
import { jsonLdScripts, type PageIndex } from './scan.ts';

/** A JSON-LD block that declares a recipe (`"@type": "Recipe"` or a list holding it). */
const DECLARES_RECIPE = /"@type"\s*:\s*(?:\[[^\]]*)?"Recipe"/;
/** Microdata properties that mark one ingredient. */
const INGREDIENT_PROPS = new Set(['recipeIngredient', 'ingredients']);
/** A class or id naming an ingredient list or item ("recipe-ingredients", "m053-ingredients"). */
const INGREDIENTS_HINT = /(?:^|[^a-z])(?:ingredients?|ingredientes|zutaten)(?:[^a-z]|$)/i;
/** Candidates looked up by one selector query, then tested with the expressions above. */
const CANDIDATES =
  '[class*="ngredient" i],[id*="ngredient" i],[class*="zutaten" i],[id*="zutaten" i],' +
  '[itemprop="recipeIngredient"],[itemprop="ingredients"]';
/** A list longer than this is more than a recipe's ingredients (a shop's catalogue). */
const MAX_LIST_TEXT = 6000;
/** Share of the list's entries that, found in the body already, mean the body holds the list. */
const ALREADY_THERE = 0.5;

/** Whether the page declares itself a recipe, in JSON-LD or microdata. */
function isRecipePage(page: PageIndex): boolean {
  return (
    page.itemprops.some((el) => INGREDIENT_PROPS.has(el.getAttribute('itemprop') ?? '')) ||
    jsonLdScripts(page).some((script) => DECLARES_RECIPE.test(script.textContent ?? ''))
  );
}

const hinted = (el: Element): boolean =>
  INGREDIENT_PROPS.has(el.getAttribute('itemprop') ?? '') ||
  INGREDIENTS_HINT.test(`${el.id} ${el.getAttribute('class') ?? ''}`);

/** One ingredient: a list item, a table row or an element marked as one. */
const ENTRY = 'li, tr, [itemprop="recipeIngredient"], [itemprop="ingredients"]';
/** Text compared without its spaces: the copy Readability read drops those between cells. */
/** The list's entries, the innermost where entries nest (an ingredient marked inside its item). */
function entriesOf(list: Element): Element[] {
  const all = Array.from(list.querySelectorAll(ENTRY));
  return all.filter((entry) => !entry.querySelector(ENTRY));
}

/** A recipe's ingredient list and its entries. */
interface IngredientList {
  list: Element;
  entries: Element[];
}

/**
 * The element holding the ingredient list: the outermost element named for ingredients, or the
 * parent of ingredients marked one by one; the first such with at least two entries.
 */
export function ingredientList(doc: Document): IngredientList | null {
  const marked = Array.from(doc.querySelectorAll(CANDIDATES)).filter(hinted);
  const outermost = marked.filter(
    (el) => !marked.some((other) => other !== el && other.contains(el)),
  );
  for (const el of outermost) {
    // One ingredient of several marked alike: the list is their parent.
    const list =
      el.parentElement &&
      outermost.some((other) => other !== el && other.parentElement === el.parentElement)
        ? el.parentElement
        : el;
    const entries = entriesOf(list);
    if (entries.length >= 2 && collapseSpace(list.textContent).length <= MAX_LIST_TEXT)
      return { list, entries };
  }
  return null;
}

/**
 * `content` (Readability's article) with the page's ingredient list put before the method, when
 * the page is a recipe whose list the article does not hold. Returns whether it was added.
 */
export function addIngredients(page: PageIndex, content: Element, bodyText: string): boolean {
  if (!isRecipePage(page)) return false;
  const found = ingredientList(page.doc);
  if (!found) return false;
  // The method names the ingredients too ("whisk the flour with the eggs"): the list counts as
  // held when its entries are, each as a whole.
  const texts = found.entries.map((entry) => withoutSpace(entry.textContent)).filter(Boolean);
  const body = withoutSpace(bodyText);
  const held = texts.filter((text) => body.includes(text)).length;
  if (texts.length < 2 || held >= ALREADY_THERE * texts.length) return false;
  const into = content.firstElementChild ?? content;
  into.insertBefore(content.ownerDocument.importNode(found.list, true), into.firstChild);
  return true;
}
