/**
 * `npm run bench:extract -- --browser`: the extraction timed where users run it, in headless
 * Chromium. Each corpus page is served from 127.0.0.1 and opened at its own address; the built
 * bundle dist/chrome/content.js is injected into an isolated world, as the extension injects it,
 * and `__margins.extract()` is timed inside the page next to bare Readability on a clone of the
 * same document, in alternation, each page's median kept (the jsdom bench's repeats and budget).
 * Only the times are measured: no scoring. bench/extract.ts hands over the corpora to measure;
 * MARGINS_BENCH_BUNDLE=FILE injects that content script instead of dist/chrome/content.js.
 * Adds or replaces a `browser` key in each measured corpus of bench/results/extract.json and keeps
 * everything else in that file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import puppeteer, { type CDPSession, type HTTPRequest, type Page } from 'puppeteer-core';
import * as v from 'valibot';
import type { InTabApi } from '../src/shared/in-tab.ts';
import type { Readability } from '@mozilla/readability';
import { readManifest, type ManifestEntry } from '../scripts/lib/extract-batch.ts';
import { decodeHtml, maybeGunzip } from '../scripts/lib/decode-html.ts';
import { CHROMIUM_PATH } from '../tests/e2e/harness/chromium.ts';
import { EXTRACT_RESULTS, readExtractResults, updateExtractResults } from './extract-results.ts';

/** What bench/extract.ts hands over, so both modes share one list of corpora and one statistic. */
export interface BrowserBenchSettings {
  root: string;
  corpora: readonly (readonly [name: string, manifest: string])[];
  /** Timings per page, at least; more for small pages until `pageBudgetMs`, up to `maxRepeat`. */
  repeat: number;
  maxRepeat: number;
  pageBudgetMs: number;
  percentile: (values: number[], p: number) => number;
}

export interface BrowserResult {
  pages: number;
  /** Pages where extract threw, returned `extractionFailed`, or the page did not load. */
  failures: number;
  medianMs: number;
  p95Ms: number;
  readabilityMedianMs: number;
  /** Median of Margins' per-page medians ÷ median of Readability's, as in the jsdom bench. */
  ratio: number;
}

declare global {
  /** Bare Readability, defined in the bench's isolated world by `BARE_READABILITY`. */
  var __bareReadability: typeof Readability | undefined;
}

/** The world's name: the extension's content scripts run in an isolated world too. */
const WORLD = 'margins-bench';

/** A page's timings in ms, each run in order, and the first run's failure if it failed. */
const PageTimesSchema = v.object({
  ours: v.array(v.number()),
  bare: v.array(v.number()),
  failure: v.nullable(v.string()),
});
type PageTimes = v.InferOutput<typeof PageTimesSchema>;

interface LoopSettings {
  repeat: number;
  maxRepeat: number;
  pageBudgetMs: number;
}

/**
 * Runs inside the page, from its source text: both ways in alternation, as the jsdom bench does,
 * until at least `repeat` runs and either `maxRepeat` runs or `pageBudgetMs` spent. Margins' time
 * is the whole `extract()` the background calls (its own copy of the page included); Readability's
 * includes its clone of the document, as the extension's copy is included in Margins' time.
 */
function timeInPage({ repeat, maxRepeat, pageBudgetMs }: LoopSettings): PageTimes {
  const api: InTabApi | undefined = globalThis.__margins;
  const Bare = globalThis.__bareReadability;
  if (!api || !Bare) throw new Error('the bundles are not in this world');
  const ours: number[] = [];
  const bare: number[] = [];
  let failure: string | null = null;
  let spent = 0;
  for (let run = 0; run < maxRepeat && (run < repeat || spent < pageBudgetMs); run++) {
    // Alternate the order run by run so warm-up favours neither.
    const bareFirst = run % 2 === 1;
    if (bareFirst) {
      const started = performance.now();
      new Bare(document.cloneNode(true) as Document).parse();
      bare.push(performance.now() - started);
    }
    const started = performance.now();
    const result: ReturnType<InTabApi['extract']> = api.extract();
    ours.push(performance.now() - started);
    if (!bareFirst) {
      const bareStarted = performance.now();
      new Bare(document.cloneNode(true) as Document).parse();
      bare.push(performance.now() - bareStarted);
    }
    spent += (ours.at(-1) ?? 0) + (bare.at(-1) ?? 0);
    if (run === 0 && 'extractionFailed' in result) {
      failure = result.extractionFailed;
    }
  }
  return { ours, bare, failure };
}

/**
 * Serves each registered page's bytes, gunzipped, as text/html with the charset Margins' own
 * decoding picks for it (header, BOM, `<meta>`, else its guess), so Chromium reads the same text
 * the jsdom bench parses.
 */
export async function startPageServer() {
  const pages = new Map<string, ManifestEntry>();
  const server: Server = createServer((req, res) => {
    const entry = pages.get(req.url ?? '');
    if (!entry || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    try {
      const bytes = maybeGunzip(new Uint8Array(readFileSync(entry.file)), entry.file);
      const { encoding } = decodeHtml(bytes, entry.contentType);
      res.writeHead(200, { 'content-type': `text/html; charset=${encoding}` }).end(bytes);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** The local address that serves `entry`. */
    add(entry: ManifestEntry): string {
      const path = `/page/${pages.size}`;
      pages.set(path, entry);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/**
 * Isolation, chosen so nothing leaves the machine and the page's DOM is the saved one:
 * - JavaScript is off for the page (`setJavaScriptEnabled(false)`): its scripts do not run and
 *   change nothing, `<noscript>` is parsed as markup as jsdom parses it, and timings are not shared
 *   with the page's own work. Scripts evaluated in the bench's isolated world still run.
 * - Request interception: the page's own navigation goes to its original address (so
 *   `document.URL` is the page's, as in jsdom and in a user's tab) but is fetched, unseen by the
 *   page, from the local server; every other navigation (a `<meta refresh>`, an iframe) gets a 204,
 *   which leaves the current document in place (an abort would replace it with an error page); every
 *   other request (images, styles, fonts) is aborted.
 * - The browser resolves no host name but 127.0.0.1 (`--host-resolver-rules`), so its own
 *   background requests cannot leave either.
 */
export class BenchTab {
  private pending: string | null = null;

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {
    page.on('request', (request) => this.route(request));
  }

  static async open(page: Page): Promise<BenchTab> {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    return new BenchTab(page, await page.createCDPSession());
  }

  private route(request: HTTPRequest): void {
    const handled = (() => {
      if (request.isNavigationRequest() && request.frame() === this.page.mainFrame()) {
        const local = this.pending;
        this.pending = null;
        if (local) return request.continue({ url: local });
      }
      if (request.isNavigationRequest()) return request.respond({ status: 204 });
      return request.abort('blockedbyclient');
    })();
    handled.catch(() => undefined);
  }

  /** Opens `url` with the bytes served at `local`, and returns a fresh isolated world in it. */
  async load(url: string, local: string): Promise<number> {
    this.pending = local;
    const response = await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`page load answered ${response?.status()}`);
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: WORLD,
    });
    return executionContextId;
  }

  /** Evaluates a script in the world; what it throws in the page is thrown here. */
  async evaluate(contextId: number, expression: string): Promise<unknown> {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    const value: unknown = result.value;
    return value;
  }
}

/** Headless Chromium that can reach nothing but 127.0.0.1 (see BenchTab). */
export const launchBenchBrowser = () =>
  puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });

export async function benchBrowser(settings: BrowserBenchSettings): Promise<void> {
  const { root, percentile } = settings;
  // MARGINS_BENCH_BUNDLE times another build's content script (an A/B of two builds).
  const bundle = resolve(root, process.env.MARGINS_BENCH_BUNDLE ?? 'dist/chrome/content.js');
  if (!existsSync(bundle)) {
    console.error(`bench:extract --browser needs ${bundle}: run \`npm run build\` first`);
    process.exit(2);
  }
  const contentJs = readFileSync(bundle, 'utf8');
  // Readability.js is a plain script that defines `function Readability`; wrapped so it stays
  // out of the world's globals but for one name the in-page timing reads.
  const bareReadability = `(() => {\n${readFileSync(
    resolve(root, 'node_modules/@mozilla/readability/Readability.js'),
    'utf8',
  )}\nglobalThis.__bareReadability = Readability;\n})();`;
  const loop: LoopSettings = {
    repeat: settings.repeat,
    maxRepeat: settings.maxRepeat,
    pageBudgetMs: settings.pageBudgetMs,
  };
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name()`, a
  // helper only Node has: the page gets a do-nothing one.
  const timing = `(() => { const __name = (fn) => fn; return (${timeInPage.toString()})(${JSON.stringify(loop)}); })()`;

  const { corpora } = settings;
  const saved = readExtractResults(root);

  const server = await startPageServer();
  const browser = await launchBenchBrowser();
  const measured: Record<string, BrowserResult> = {};
  try {
    const tab = await BenchTab.open(await browser.newPage());
    console.log(
      'corpus           pages fail  median    p95  readability  ratio  jsdom ratio  first run: Margins  Readability',
    );
    for (const [name, manifest] of corpora) {
      if (!existsSync(manifest)) {
        console.log(`${name.padEnd(15)}  (not present: ${manifest})`);
        continue;
      }
      const ours: number[] = [];
      const bare: number[] = [];
      // Each page's first run of each, kept apart: a save injects the bundle into a fresh world,
      // so a user's one extraction per page is the cold one, which the medians mostly leave out.
      const oursFirst: number[] = [];
      const bareFirst: number[] = [];
      let pages = 0;
      let failures = 0;
      for (const entry of readManifest(manifest)) {
        pages++;
        if ('error' in entry) {
          failures++;
          console.error(`  failed: ${entry.id}: ${entry.error}`);
          continue;
        }
        try {
          const world = await tab.load(entry.url, server.add(entry));
          await tab.evaluate(world, contentJs);
          await tab.evaluate(world, bareReadability);
          const times = v.parse(PageTimesSchema, await tab.evaluate(world, timing));
          ours.push(percentile(times.ours, 50));
          bare.push(percentile(times.bare, 50));
          oursFirst.push(times.ours[0] ?? 0);
          bareFirst.push(times.bare[0] ?? 0);
          if (times.failure !== null) {
            failures++;
            console.error(`  failed: ${entry.id}: extractionFailed: ${times.failure}`);
          }
        } catch (error) {
          failures++;
          // Named as they happen, as in the jsdom bench.
          console.error(`  failed: ${entry.id}: ${String(error)}`);
        }
      }
      const medianMs = percentile(ours, 50);
      const readabilityMedianMs = percentile(bare, 50);
      const result: BrowserResult = {
        pages,
        failures,
        medianMs,
        p95Ms: percentile(ours, 95),
        readabilityMedianMs,
        ratio: medianMs / readabilityMedianMs,
      };
      measured[name] = result;
      const jsdomRatio = saved[name]?.ratioToReadability;
      console.log(
        `${name.padEnd(15)} ${String(pages).padStart(6)} ${String(failures).padStart(4)}  ` +
          `${ms(medianMs)} ${ms(result.p95Ms)}  ${ms(readabilityMedianMs)}       ${result.ratio.toFixed(2)}` +
          `         ${typeof jsdomRatio === 'number' ? jsdomRatio.toFixed(2) : '   –'}` +
          `             ${ms(percentile(oursFirst, 50))}       ${ms(percentile(bareFirst, 50))}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  updateExtractResults(root, measured, (entry, browser) => ({ ...entry, browser }));
  console.log(
    `times in ms per page, in headless Chromium; figures in ${EXTRACT_RESULTS} (browser)`,
  );
}

const ms = (value: number) => value.toFixed(1).padStart(6);
