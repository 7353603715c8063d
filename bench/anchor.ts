/**
 * `npm run bench:anchor`: places seeded random highlights on the fixture pages, re-anchors them
 * against mutated copies of each page's text, and reports per mutation kind how many were placed
 * right, placed wrongly or orphaned. Writes bench/results/anchor.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { anchor, describeRange, textNodesOf, textOf } from '../src/shared/anchoring/index.ts';
import { editDistance } from '../src/shared/anchoring/similarity.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'tests/fixtures');
const RESULTS = resolve(ROOT, 'bench/results');
/** `--seed N` tries another set of highlights and edits; results are written for the default. */
const seedArgument = process.argv.indexOf('--seed');
const SEED = seedArgument > 0 ? Number(process.argv[seedArgument + 1]) : 20_250_304;
const HIGHLIGHTS_PER_PAGE = 40;
const MIN_WORDS = 40;

/** mulberry32: a small deterministic PRNG, so every run tries the same highlights. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

/** A text edit at an offset of the original text: delete `del` characters, insert `ins`. */
interface Edit {
  at: number;
  del: number;
  ins: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) {
    out = out.slice(0, edit.at) + edit.ins + out.slice(edit.at + edit.del);
  }
  return out;
}

/** Where original offset `p` ends up; an insertion exactly at `p` moves a start, not an end. */
function mapOffset(edits: readonly Edit[], p: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const { at, del, ins } of edits) {
    const before = del > 0 ? at + del <= p : at < p || (at === p && side === 'start');
    if (before) delta += ins.length - del;
    else if (at < p && at + del > p) throw new Error('bench bug: an edit straddles a boundary');
  }
  return p + delta;
}

/** Whether a new edit over [at, end] would touch an edit already chosen. */
const conflicts = (edits: readonly Edit[], at: number, end: number) =>
  edits.some((e) => at <= e.at + e.del && e.at <= end);

interface Word {
  start: number;
  end: number;
}

interface Page {
  name: string;
  html: string;
  text: string;
  words: Word[];
  vocabulary: string[];
}

function rootOf(dom: JSDOM): Element {
  const document = dom.window.document;
  return document.querySelector('article') ?? document.body;
}

function loadPages(): Page[] {
  const pages: Page[] = [];
  for (const name of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const html = readFileSync(resolve(FIXTURES, name), 'utf8');
    const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
    const text = textOf(rootOf(dom));
    dom.window.close();
    const words = [...text.matchAll(/\S+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (words.length < MIN_WORDS) continue;
    const vocabulary = [...new Set(words.map((w) => text.slice(w.start, w.end)))].filter((w) =>
      /^[\p{L}\p{N}]+$/u.test(w),
    );
    pages.push({ name, html, text, words, vocabulary });
  }
  return pages;
}

interface Highlight {
  start: number;
  end: number;
}

/** Random ranges of 3 to 25 whole words. */
function placeHighlights(page: Page, random: Random): Highlight[] {
  const highlights: Highlight[] = [];
  for (let i = 0; i < HIGHLIGHTS_PER_PAGE; i += 1) {
    const count = random.int(3, Math.min(25, page.words.length));
    const first = random.int(0, page.words.length - count);
    const start = page.words[first]?.start ?? 0;
    const end = page.words[first + count - 1]?.end ?? start;
    highlights.push({ start, end });
  }
  return highlights;
}

/** One re-anchoring case: the changed text and where the quote should now be (null: deleted). */
interface Mutation {
  text: string;
  expected: Highlight | null;
  /** Boundary slack allowed when the quote itself was edited. */
  tolerance: number;
}

function fromEdits(page: Page, h: Highlight, edits: Edit[], tolerance = 0): Mutation {
  return {
    text: applyEdits(page.text, edits),
    expected: { start: mapOffset(edits, h.start, 'start'), end: mapOffset(edits, h.end, 'end') },
    tolerance,
  };
}

function sentence(page: Page, random: Random, words: number): string {
  const picked = Array.from({ length: words }, () => random.pick(page.vocabulary));
  return `${picked.join(' ')}.`;
}

/** Line breaks before `before`, where a new paragraph can go. */
function breaksBefore(page: Page, before: number): number[] {
  const breaks = [0];
  for (
    let i = page.text.indexOf('\n');
    i !== -1 && i < before;
    i = page.text.indexOf('\n', i + 1)
  ) {
    breaks.push(i + 1);
  }
  return breaks;
}

function insertParagraphs(page: Page, h: Highlight, random: Random): Mutation {
  const edits: Edit[] = [];
  const breaks = breaksBefore(page, h.start);
  for (let n = random.int(1, 3); n > 0; n -= 1) {
    const at = random.pick(breaks);
    if (edits.some((e) => e.at === at)) continue;
    edits.push({ at, del: 0, ins: `${sentence(page, random, random.int(8, 40))}\n` });
  }
  return fromEdits(page, h, edits);
}

/** The page re-rendered with different whitespace and extra inline markup; text edits tracked. */
function remarkup(page: Page, random: Random): { text: string; edits: Edit[] } {
  const dom = new JSDOM(page.html, { virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  const edits: Edit[] = [];
  let offset = 0;
  const nodes = textNodesOf(rootOf(dom));
  for (const node of nodes) {
    const data = node.data;
    const base = offset;
    offset += data.length;
    if (random.next() < 0.5) {
      // Re-indent: whitespace runs change shape but never vanish.
      const changed = data.replace(/\s+/g, (run, at: number) => {
        if (random.next() < 0.6) return run;
        const next = random.pick([' ', '  ', '\n', '\n      ', ' \n\t']);
        if (next !== run) edits.push({ at: base + at, del: run.length, ins: next });
        return next;
      });
      node.data = changed;
    }
    // Wrap a word in inline markup and split the node: the text stays the same.
    const word = /[\p{L}\p{N}]+/u.exec(node.data);
    if (word && random.next() < 0.4) {
      node.splitText(word.index + word[0].length);
      const middle = node.splitText(word.index);
      const wrapper = document.createElement(random.pick(['em', 'span', 'b', 'mark']));
      middle.replaceWith(wrapper);
      wrapper.append(middle);
    }
  }
  const text = textOf(rootOf(dom));
  dom.window.close();
  if (text !== applyEdits(page.text, edits)) throw new Error('bench bug: markup edits mis-tracked');
  return { text, edits };
}

/** Words of the page lying inside [from, to). */
const wordsWithin = (page: Page, from: number, to: number) =>
  page.words.filter((w) => w.start >= from && w.end <= to);

/** A changed copy of a word: one letter replaced, or another word of the page. */
function editedWord(page: Page, random: Random, word: string): string {
  if (random.next() < 0.5 || word.length < 2) {
    const at = random.int(0, word.length - 1);
    const letter = word[at] === 'x' ? 'y' : 'x';
    return word.slice(0, at) + letter + word.slice(at + 1);
  }
  return random.pick(page.vocabulary);
}

/**
 * Edits inside the quote costing at most 10% of its characters in total, plus one word changed
 * just before or after it (inside its recorded context).
 */
function lightEdit(page: Page, h: Highlight, random: Random): Mutation {
  const edits: Edit[] = [];
  let budget = Math.floor((h.end - h.start) * 0.1);
  const inside = wordsWithin(page, h.start, h.end);
  for (let tries = 0; tries < 12 && budget > 0; tries += 1) {
    const word = random.pick(inside);
    const old = page.text.slice(word.start, word.end);
    const kind = random.next();
    let edit: Edit;
    if (kind < 0.6) edit = { at: word.start, del: old.length, ins: editedWord(page, random, old) };
    else if (kind < 0.8 && word.start > h.start) {
      edit = { at: word.start, del: 0, ins: `${random.pick(page.vocabulary)} ` };
    } else if (word.end < h.end) edit = { at: word.start, del: old.length + 1, ins: '' };
    else continue;
    const cost = editDistance(page.text.slice(edit.at, edit.at + edit.del), edit.ins);
    if (cost === 0 || cost > budget || conflicts(edits, edit.at, edit.at + edit.del)) continue;
    edits.push(edit);
    budget -= cost;
  }
  const near = [
    ...wordsWithin(page, Math.max(0, h.start - 32), h.start - 1),
    ...wordsWithin(page, h.end + 1, h.end + 32),
  ];
  if (near.length > 0) {
    const word = random.pick(near);
    const old = page.text.slice(word.start, word.end);
    edits.push({ at: word.start, del: old.length, ins: editedWord(page, random, old) });
  }
  const length = h.end - h.start;
  return fromEdits(page, h, edits, Math.max(2, Math.min(8, Math.round(length * 0.1))));
}

/** A copy of the quote somewhere else: its own paragraph, or inside another sentence. */
function duplicate(page: Page, h: Highlight, random: Random): Mutation {
  const quote = page.text.slice(h.start, h.end);
  const away = page.words.filter((w) => w.end < h.start - 40 || w.start > h.end + 40);
  const word = away.length > 0 ? random.pick(away) : random.pick(page.words);
  const at = word.start <= h.start ? word.start : Math.max(word.start, h.end + 1);
  const ins = random.next() < 0.5 ? `${quote}\n` : `${quote} `;
  return fromEdits(page, h, [{ at, del: 0, ins }]);
}

function deleteQuote(page: Page, h: Highlight): Mutation {
  const end = page.text[h.end] === ' ' ? h.end + 1 : h.end;
  return { text: page.text.slice(0, h.start) + page.text.slice(end), expected: null, tolerance: 0 };
}

const KINDS = [
  'unchanged',
  'paragraphs inserted',
  'whitespace+markup',
  'quote duplicated',
  'light edit',
  'quote deleted',
] as const;
type Kind = (typeof KINDS)[number];

interface Tally {
  tried: number;
  exact: number;
  right: number;
  wrong: number;
  orphaned: number;
  ms: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
};
const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

function run() {
  const random = prng(SEED);
  const tallies = new Map<Kind, Tally>(
    KINDS.map((kind) => [kind, { tried: 0, exact: 0, right: 0, wrong: 0, orphaned: 0, ms: [] }]),
  );
  const failures: string[] = [];
  const pages = loadPages();
  for (const page of pages) {
    const markup = remarkup(page, random);
    for (const h of placeHighlights(page, random)) {
      const selectors = describeRange(page.text, h.start, h.end);
      const cases: [Kind, Mutation][] = [
        ['unchanged', { text: page.text, expected: h, tolerance: 0 }],
        ['paragraphs inserted', insertParagraphs(page, h, random)],
        ['whitespace+markup', { ...fromEdits(page, h, markup.edits), text: markup.text }],
        ['quote duplicated', duplicate(page, h, random)],
        ['light edit', lightEdit(page, h, random)],
        ['quote deleted', deleteQuote(page, h)],
      ];
      for (const [kind, mutation] of cases) {
        const tally = tallies.get(kind);
        if (!tally) continue;
        const started = performance.now();
        const result = anchor(mutation.text, selectors);
        tally.ms.push(performance.now() - started);
        tally.tried += 1;
        const { expected, tolerance } = mutation;
        if (!result) tally.orphaned += 1;
        else if (
          expected &&
          Math.abs(result.start - expected.start) <= tolerance &&
          Math.abs(result.end - expected.end) <= tolerance
        ) {
          tally.right += 1;
          if (result.start === expected.start && result.end === expected.end) tally.exact += 1;
        } else tally.wrong += 1;
        if (
          !result === Boolean(expected) ||
          (result && !expected) ||
          (result && expected && (result.start !== expected.start || result.end !== expected.end))
        ) {
          failures.push(
            `${kind} ${page.name} ${h.start}..${h.end} ${JSON.stringify(selectors[0].exact)} → ${
              result
                ? `${result.method} ${result.start}..${result.end} ${result.score} ${JSON.stringify(mutation.text.slice(result.start, result.end))}`
                : 'orphan'
            } expected ${expected ? `${expected.start}..${expected.end}` : 'orphan'}`,
          );
        }
      }
    }
  }
  return { tallies, failures, pages: pages.length };
}

const { tallies, failures, pages } = run();
if (process.argv.includes('--verbose')) for (const line of failures) console.log(line);
const sum = (kinds: readonly Kind[], key: 'tried' | 'right' | 'wrong' | 'orphaned') =>
  kinds.reduce((total, kind) => total + (tallies.get(kind)?.[key] ?? 0), 0);
const unchangedKinds: Kind[] = [
  'unchanged',
  'paragraphs inserted',
  'whitespace+markup',
  'quote duplicated',
];
const all = [...tallies.values()];
const byKind = Object.fromEntries(
  [...tallies].map(([kind, t]) => [
    kind,
    {
      tried: t.tried,
      placedRight: t.right,
      placedExact: t.exact,
      placedWrongly: t.wrong,
      orphaned: t.orphaned,
      medianMs: round(median(t.ms)),
    },
  ]),
);
const results = {
  seed: SEED,
  pages,
  tried: sum(KINDS, 'tried'),
  exactUnchanged: round(rate(sum(unchangedKinds, 'right'), sum(unchangedKinds, 'tried'))),
  exactLightEdit: round(rate(sum(['light edit'], 'right'), sum(['light edit'], 'tried'))),
  wrongOverall: round(rate(sum(KINDS, 'wrong'), sum(KINDS, 'tried'))),
  orphanDeleted: round(rate(sum(['quote deleted'], 'orphaned'), sum(['quote deleted'], 'tried'))),
  medianMs: round(median(all.flatMap((t) => t.ms))),
  byKind,
};
console.table(byKind);
console.log(JSON.stringify({ ...results, byKind: undefined }, null, 2));
mkdirSync(RESULTS, { recursive: true });
writeFileSync(resolve(RESULTS, 'anchor.json'), `${JSON.stringify(results, null, 2)}\n`);
