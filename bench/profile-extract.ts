/**
 * `npm run bench:profile-extract -- [--corpus NAME] [--pages N] [--rows N] [--cold]`: where the extraction spends its
 * time in headless Chromium. Builds an unminified content script (so functions keep their names),
 * opens the first N pages of the corpus (default trafilatura-dev, 150 pages) as bench:extract
 * --browser does, extracts each page once to warm up, then records a CPU profile of five more
 * extractions (Chrome DevTools Protocol, sampled every 0.1 ms). Prints each function's share of
 * the samples: its own time, and its time with everything it called. Only `extract()` runs while
 * profiling, so the shares are of Margins' time alone. With `--cold`, the profile is of each page's
 * first extraction instead, the one a save makes (compiling included); `--rows` sets how many
 * functions each table lists.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Protocol } from 'puppeteer-core';
import { build } from 'vite';
import { readManifest } from '../scripts/lib/extract-batch.ts';
import { BenchTab, launchBenchBrowser, startPageServer } from './extract-browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS_DIR = resolve(ROOT, process.env.MARGINS_CORPUS_DIR ?? '../shared/corpus');
const RUNS_PROFILED = 5;

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'trafilatura-dev' },
    pages: { type: 'string' },
    rows: { type: 'string' },
    cold: { type: 'boolean', default: false },
  },
});
const corpus = values.corpus ?? 'trafilatura-dev';
const pageCount = Number(values.pages ?? 150);
/** Functions listed in each table. */
const rows = Number(values.rows ?? 30);

/** The content script, built like scripts/build.ts builds it but unminified. */
async function unminifiedContentScript(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'margins-profile-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: ['chrome120'],
      minify: false,
      lib: {
        entry: resolve(ROOT, 'src/content/main.ts'),
        formats: ['iife'],
        name: 'MarginsPageScript',
        fileName: () => 'content.js',
      },
    },
  });
  try {
    return readFileSync(join(outDir, 'content.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Samples per function ("name:line"): own, and with its callees (each function once a stack). */
class Tally {
  readonly own = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  samples = 0;

  add(profile: Protocol.Profiler.Profile): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const name = (id: number): string => {
      const frame = byId.get(id)?.callFrame;
      return frame ? `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}` : '?';
    };
    for (const id of profile.samples ?? []) {
      const own = name(id);
      if (own.startsWith('(idle)') || own.startsWith('(program)')) continue;
      this.samples++;
      this.own.set(own, (this.own.get(own) ?? 0) + 1);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const key = name(at);
        if (seen.has(key)) continue;
        seen.add(key);
        this.inclusive.set(key, (this.inclusive.get(key) ?? 0) + 1);
      }
    }
  }

  top(counts: Map<string, number>, n: number): string {
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, count]) => `${((100 * count) / this.samples).toFixed(1).padStart(6)} %  ${key}`)
      .join('\n');
  }
}

const contentJs = await unminifiedContentScript();
const server = await startPageServer();
const browser = await launchBenchBrowser();
const tally = new Tally();
let profiled = 0;
try {
  const tab = await BenchTab.open(await browser.newPage());
  await tab.cdp.send('Profiler.enable');
  await tab.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const entries = readManifest(resolve(CORPUS_DIR, corpus, 'gold.jsonl')).slice(0, pageCount);
  for (const entry of entries) {
    if ('error' in entry) continue;
    try {
      const world = await tab.load(entry.url, server.add(entry));
      await tab.evaluate(world, contentJs);
      if (!values.cold) await tab.evaluate(world, 'void globalThis.__margins.extract()');
      await tab.cdp.send('Profiler.start');
      await tab.evaluate(
        world,
        `for (let i = 0; i < ${values.cold ? 1 : RUNS_PROFILED}; i++) globalThis.__margins.extract()`,
      );
      const { profile } = await tab.cdp.send('Profiler.stop');
      tally.add(profile);
      profiled++;
    } catch (error) {
      console.error(`  skipped: ${entry.id}: ${String(error)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${corpus}: ${profiled} pages, ${tally.samples} samples of extract()`);
console.log(`\nown time\n${tally.top(tally.own, rows)}`);
console.log(`\nwith callees\n${tally.top(tally.inclusive, rows + 20)}`);
