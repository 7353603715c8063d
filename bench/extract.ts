/**
 * `npm run bench:extract`: runs Margins' extraction over each corpus (../shared/corpus, or
 * MARGINS_CORPUS_DIR for a checkout elsewhere such as a git worktree, when
 * present, and the project's own fixtures), scores it with the corpus scorer, and times it next
 * to bare Readability on the same pages in the same run (each page's median of at least
 * MARGINS_BENCH_REPEAT timings, 3 unless set; more for small pages). Prints a table and writes
 * bench/results/extract.json, with bare Readability's own title, byline, date and text scored the
 * same way beside it. `--corpus NAME` (repeatable) runs only those corpora. `--browser` times the
 * extraction in headless Chromium instead (bench/extract-browser.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/content/extract/index.ts';
import { readManifest } from '../scripts/lib/extract-batch.ts';
import { loadPageDom } from '../scripts/lib/page-dom.ts';
import { updateExtractResults } from './extract-results.ts';

const ROOT = resolve(import.meta.dirname, '..');
/**
 * Each page is timed this many times, both ways, and its median kept: a garbage collection landing
 * in one run moved a corpus's ratio by up to 0.15 between runs of one timing each.
 */
const REPEAT = Math.max(1, Number(process.env.MARGINS_BENCH_REPEAT ?? 3));
/**
 * Small pages are timed more often, until both ways together took this long (or MAX_REPEAT runs):
 * a few milliseconds of timer or scheduler noise moved the small corpora's ratios by up to 0.4
 * between runs, and on a 5 ms page those runs are cheap.
 */
const PAGE_BUDGET_MS = 250;
const MAX_REPEAT = 15;
const SHARED_CORPUS = resolve(ROOT, process.env.MARGINS_CORPUS_DIR ?? '../shared/corpus');
const SCORER = resolve(SHARED_CORPUS, 'score.mjs');

const CORPORA: [name: string, manifest: string][] = [
  ['readability', resolve(SHARED_CORPUS, 'readability/gold.jsonl')],
  ['mercury', resolve(SHARED_CORPUS, 'mercury/gold.jsonl')],
  ['defuddle', resolve(SHARED_CORPUS, 'defuddle/gold.jsonl')],
  ['trafilatura-dev', resolve(SHARED_CORPUS, 'trafilatura-dev/gold.jsonl')],
  ['htmldate-dev', resolve(SHARED_CORPUS, 'htmldate-dev/gold.jsonl')],
  ['scrapinghub-dev', resolve(SHARED_CORPUS, 'scrapinghub-dev/gold.jsonl')],
  ['fixtures', resolve(ROOT, 'tests/fixtures/gold.jsonl')],
];

/** A prediction file's scores, as bench:extract reports them. */
interface Scores {
  pages: number;
  failures: number;
  titleExact: number | null;
  byline: number | null;
  date: number | null;
  bodyF1: number | null;
  /** Snippet gold ("with" / "without" passages), on the corpora that have it. */
  snippetF1: number | null;
}

interface CorpusResult extends Scores {
  /** Bare Readability's own title, byline, date and text on the same pages, scored the same way. */
  readability: Scores;
  medianMs: number;
  p95Ms: number;
  readabilityMedianMs: number;
  ratioToReadability: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Times one function on a fresh DOM of the page, so neither run sees the other's changes. */
function timed<T>(
  entry: { file: string; url: string; contentType?: string },
  run: (doc: Document) => T,
) {
  const dom = loadPageDom(entry);
  try {
    const started = performance.now();
    const value = run(dom.window.document);
    return { value, ms: performance.now() - started };
  } finally {
    dom.window.close();
  }
}

/** What bare Readability's `parse()` gives that the scorer reads. */
function bareRecord(parsed: ReturnType<Readability['parse']>) {
  if (!parsed) return null;
  const { title, byline, publishedTime, textContent } = parsed;
  return { title, byline, publishedTime, textContent };
}

function score(manifest: string, predictions: string): Scores {
  const scored = JSON.parse(
    execFileSync('node', [SCORER, '--gold', manifest, '--pred', predictions, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as {
    pages: number;
    failures: number;
    title: { exact: number | null };
    byline: { match: number | null };
    date: { match: number | null };
    body: { f1: number | null };
    snip?: { f1: number | null };
  };
  return {
    pages: scored.pages,
    failures: scored.failures,
    titleExact: scored.title.exact,
    byline: scored.byline.match,
    date: scored.date.match,
    bodyF1: scored.body.f1,
    snippetF1: scored.snip?.f1 ?? null,
  };
}

async function benchCorpus(manifest: string, predictions: string): Promise<CorpusResult> {
  const lines: string[] = [];
  const bareLines: string[] = [];
  const ours: number[] = [];
  const bare: number[] = [];
  for (const entry of readManifest(manifest)) {
    if ('error' in entry) {
      lines.push(JSON.stringify(entry));
      bareLines.push(JSON.stringify(entry));
      continue;
    }
    try {
      const oursRuns: number[] = [];
      const bareRuns: number[] = [];
      let record: unknown;
      let bareFound: unknown;
      let spent = 0;
      const runBare = () => {
        const result = timed(entry, (doc) => new Readability(doc).parse());
        bareRuns.push(result.ms);
        bareFound ??= bareRecord(result.value);
      };
      for (let run = 0; run < MAX_REPEAT && (run < REPEAT || spent < PAGE_BUDGET_MS); run++) {
        // Alternate the order run by run so warm-up favours neither.
        const bareFirst = run % 2 === 1;
        if (bareFirst) runBare();
        const result = timed(entry, extractArticle);
        if (!bareFirst) runBare();
        oursRuns.push(result.ms);
        spent += result.ms + (bareRuns.at(-1) ?? 0);
        record ??= result.value;
      }
      ours.push(percentile(oursRuns, 50));
      bare.push(percentile(bareRuns, 50));
      lines.push(JSON.stringify({ id: entry.id, record }));
      bareLines.push(JSON.stringify({ id: entry.id, record: bareFound }));
    } catch (error) {
      lines.push(JSON.stringify({ id: entry.id, error: String(error) }));
      // Named as they happen: a failure is the one figure a page cannot average away.
      console.error(`  failed: ${entry.id}: ${String(error)}`);
    }
    await new Promise(setImmediate);
  }
  writeFileSync(predictions, `${lines.join('\n')}\n`);
  const barePredictions = predictions.replace(/\.jsonl$/, '.readability.jsonl');
  writeFileSync(barePredictions, `${bareLines.join('\n')}\n`);
  const medianMs = percentile(ours, 50);
  const readabilityMedianMs = percentile(bare, 50);
  return {
    ...score(manifest, predictions),
    readability: score(manifest, barePredictions),
    medianMs,
    p95Ms: percentile(ours, 95),
    readabilityMedianMs,
    ratioToReadability: medianMs / readabilityMedianMs,
  };
}

const pct = (value: number | null) =>
  value === null ? '   –' : (value * 100).toFixed(1).padStart(5);
const ms = (value: number) => value.toFixed(1).padStart(6);

// `--corpus NAME` (repeatable) runs only those corpora, in either mode; the others' figures are kept.
const only = process.argv.flatMap((arg, i, all) =>
  arg === '--corpus' && all[i + 1] ? [all[i + 1]] : [],
);
const corpora = CORPORA.filter(([name]) => !only.length || only.includes(name));

// `--browser` times the same extraction in headless Chromium instead (bench/extract-browser.ts).
if (process.argv.includes('--browser')) {
  const { benchBrowser } = await import('./extract-browser.ts');
  await benchBrowser({
    root: ROOT,
    corpora,
    repeat: REPEAT,
    maxRepeat: MAX_REPEAT,
    pageBudgetMs: PAGE_BUDGET_MS,
    percentile,
  });
  process.exit(0);
}

if (!existsSync(SCORER)) {
  console.error(`bench:extract needs the corpus scorer at ${SCORER}`);
  process.exit(2);
}
const workDir = mkdtempSync(join(tmpdir(), 'margins-bench-'));
const results: Record<string, CorpusResult> = {};
console.log(
  'corpus           pages fail  title byline  date  bodyF1 snipF1  median   p95  readability  ratio',
);
const scoreColumns = (scores: Scores) =>
  `${pct(scores.titleExact)}  ${pct(scores.byline)} ${pct(scores.date)}   ${pct(scores.bodyF1)}  ${pct(scores.snippetF1)}`;
for (const [name, manifest] of corpora) {
  if (!existsSync(manifest)) {
    console.log(`${name.padEnd(15)}  (not present: ${manifest})`);
    continue;
  }
  const result = await benchCorpus(manifest, join(workDir, `${name}.jsonl`));
  results[name] = result;
  console.log(
    `${name.padEnd(15)} ${String(result.pages).padStart(6)} ${String(result.failures).padStart(4)}  ` +
      `${scoreColumns(result)}  ` +
      `${ms(result.medianMs)} ${ms(result.p95Ms)}  ${ms(result.readabilityMedianMs)}      ${result.ratioToReadability.toFixed(2)}`,
  );
  const bareScores = result.readability;
  console.log(
    `  Readability   ${String(bareScores.pages).padStart(6)} ${String(bareScores.failures).padStart(4)}  ${scoreColumns(bareScores)}`,
  );
}
// A corpus's `browser` figures come from `--browser` runs, which this run does not make: kept.
updateExtractResults(ROOT, results, (entry, result) => ({
  ...(result as CorpusResult),
  ...(entry.browser === undefined ? {} : { browser: entry.browser }),
}));
console.log(
  `times in ms per page; predictions in ${workDir}; figures in bench/results/extract.json`,
);
