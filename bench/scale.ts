/**
 * `npm run bench:scale`: Margins with 0, 1,000 and 10,000 generated articles in headless
 * Chromium on the built extension. Prints, per size, median and p95 of: opening the library page
 * until its first rows are painted, search per keystroke (the popup's own query and first-screen
 * read), one save into the collection, the JSON export (time and the exporting page's peak JS
 * heap), storage per article; and the popup's JavaScript size. Writes bench/results/scale.json.
 *
 * Then, at the largest size of each browser profile (the empty library has its own), toolbar
 * saves of a local page with 10 images of about 200 kB (bench/images-page.ts) and of the same
 * page without them: the time from the click until all 10 images are stored, beside the
 * text-only save's, and the storage each adds per article.
 *
 * `MARGINS_BENCH_SIZES=0,1000` measures other sizes (the JSON keys named for 10k need 10000).
 * `MARGINS_BENCH_KEEP=DIR` keeps the browser profile and its library in DIR between runs, so a
 * second run at the same sizes skips the generation (sizes must then only grow).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'puppeteer-core';
import type { ArticleImagesRow } from '../src/db/images.ts';
import {
  clickToolbarButton,
  launchChromium,
  openTab,
  saveOutcome,
  type ChromiumSession,
} from '../tests/e2e/harness/chromium.ts';
import { DB_NAME, readRowsInExtension } from '../tests/e2e/harness/records.ts';
import {
  buildSeededExtension,
  callSeedPage,
  openSeedPage,
} from '../tests/e2e/harness/seeded-extension.ts';
import { builtExtension, waitFor } from '../tests/e2e/harness/util.ts';
import { tailWord } from '../tests/e2e/seed/generate.ts';
import { IMAGE_COUNT, startImagePageServer, type ImagePageServer } from './images-page.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = (process.env.MARGINS_BENCH_SIZES ?? '0,1000,10000').split(',').map(Number);
const OPEN_RUNS = 15;
const SAVE_RUNS = 15;
/** Toolbar saves of the page with images, and as many of the same page without them. */
const IMAGE_SAVE_RUNS = 15;
/** How often the images row is read while waiting for it to be done (the figures' resolution). */
const IMAGES_POLL_MS = 20;
const SEED_BATCH = 250;

/** One-, two- and three-word queries, common and rare words, typed one key at a time. */
const QUERIES = {
  oneCommon: ['gouvernement', 'the'],
  oneRare: [tailWord(41_234), tailWord(33_333)],
  twoWords: ['le gouvernement', `people ${tailWord(20_001)}`],
  threeWords: ['der Bundesregierung Gipfel', 'the world people'],
};

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] ?? Number.NaN;
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const summary = (values: number[]) => ({
  median: round(median(values)),
  p95: round(quantile(values, 0.95)),
});

/** Opens the library page (the popup's page in a tab) and times its first painted rows. */
async function timeFirstRows(session: ChromiumSession): Promise<number> {
  const page = await session.browser.newPage();
  // A background tab gets no animation frames; the popup is always in front.
  await page.bringToFront();
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluateOnNewDocument(() => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('ul.articles > li.article, .empty')) return;
      observer.disconnect();
      // The frame after the rows are in the DOM is the one that paints them.
      requestAnimationFrame(() => {
        (globalThis as unknown as { firstRowsAt: number }).firstRowsAt = performance.now();
      });
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { firstRowsAt?: number }).firstRowsAt,
    { timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

/** The page's JS heap, sampled every 50 ms while `work` runs: the peak in MB. */
async function peakHeapDuring<T>(
  cdp: CDPSession,
  work: () => Promise<T>,
): Promise<{ result: T; peakMB: number }> {
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const sample = async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const sampling = sample();
  try {
    const result = await work();
    return { result, peakMB: round(peak / 1024 / 1024) };
  } finally {
    running = false;
    await sampling;
  }
}

/** Gzipped size of popup.js and every chunk it imports statically (what opening the popup loads). */
function popupJsGzipBytes(): number {
  const dir = builtExtension('chrome');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(resolve(dir, file), 'utf8');
    for (const match of code.matchAll(
      /(?:import|from)\s*["']\.\/(?:\.\.\/)?((?:chunks\/)?[\w.-]+\.js)["']/g,
    )) {
      const imported = match[1] ?? '';
      visit(
        file.startsWith('chunks/') && !imported.startsWith('chunks/')
          ? `chunks/${imported}`
          : imported,
      );
    }
  };
  visit('popup.js');
  return [...seen].reduce(
    (total, file) => total + gzipSync(readFileSync(resolve(dir, file))).length,
    0,
  );
}

async function measureSize(
  session: ChromiumSession,
  seedPage: Page,
  cdp: CDPSession,
  size: number,
) {
  const open: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) open.push(await timeFirstRows(session));
  const keystrokes: Record<string, number[]> = {};
  for (const [kind, queries] of Object.entries(QUERIES)) {
    keystrokes[kind] = (await callSeedPage(seedPage, 'timeKeystrokes', queries)).map(
      (time) => time.ms,
    );
  }
  const allKeystrokes = Object.values(keystrokes).flat();
  const saves = await callSeedPage(seedPage, 'timeSaves', SAVE_RUNS, 5_000_000);
  const exported = await peakHeapDuring(cdp, () => callSeedPage(seedPage, 'timeExport'));
  const counts = await callSeedPage(seedPage, 'counts');
  return {
    size,
    articles: counts.articles,
    annotations: counts.annotations,
    firstRowsMs: summary(open),
    searchKeystrokeMs: summary(allKeystrokes),
    searchByKind: Object.fromEntries(
      Object.entries(keystrokes).map(([kind, times]) => [kind, summary(times)]),
    ),
    saveMs: summary(saves),
    exportMs: round(exported.result.ms),
    exportBytes: exported.result.bytes,
    exportPeakHeapMB: exported.peakMB,
    storageBytes: counts.usage,
  };
}

type SizeFigures = Awaited<ReturnType<typeof measureSize>> & { withImages?: ImageSaveFigures };

function report(figures: SizeFigures): void {
  console.log(`\n${figures.size} articles (${figures.annotations} highlights)`);
  const line = (name: string, times: { median: number; p95: number }) =>
    console.log(`  ${name}: median ${times.median} ms, p95 ${times.p95} ms`);
  line('first rows painted', figures.firstRowsMs);
  line('search per keystroke', figures.searchKeystrokeMs);
  for (const [kind, times] of Object.entries(figures.searchByKind)) line(`  ${kind}`, times);
  line('save', figures.saveMs);
  console.log(
    `  export JSON: ${figures.exportMs} ms, ${round(figures.exportBytes / 1e6)} MB, peak JS heap ${figures.exportPeakHeapMB} MB`,
  );
}

/** Every row of the articleImages table, read in a Margins page (one per toolbar-saved article). */
async function imageRows(seedPage: Page): Promise<ArticleImagesRow[]> {
  return (await seedPage.evaluate(
    readRowsInExtension,
    DB_NAME,
    'articleImages',
  )) as ArticleImagesRow[];
}

/** What the page's storage holds now, by navigator.storage.estimate(), as `storageBytes`. */
async function usage(seedPage: Page): Promise<number> {
  return (await callSeedPage(seedPage, 'counts')).usage;
}

/** Deletes articles through the background, as the library's Delete does (frees their pictures). */
async function deleteArticles(seedPage: Page, articleIds: string[]): Promise<void> {
  const reply = (await seedPage.evaluate(
    (ids) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        }
      ).chrome.runtime.sendMessage({ type: 'delete-articles', articleIds: ids }),
    articleIds,
  )) as { ok: boolean };
  if (!reply.ok) throw new Error(`deleting the bench's saves failed: ${JSON.stringify(reply)}`);
}

interface ToolbarSaves {
  /** Click → the popup says saved (the text is stored). */
  textMs: number[];
  /** Click → the article's images row is done (every image tried), with all of them stored. */
  imagesDoneMs: number[];
  /** navigator.storage.estimate() after the saves minus before, per article. */
  bytesPerArticle: number;
  /** The bytes of the stored pictures per article, as their images rows count them. */
  imageBytesPerArticle: number;
}

/**
 * IMAGE_SAVE_RUNS toolbar saves, one tab each, of story 0, 1, 2… of `server`: with its images
 * (`/story/N.html`) or without (`/plain/N.html`). Each is a new address, so a new article, not
 * an update. The ids saved are added to `saved` for the caller to delete.
 */
async function timeToolbarSaves(
  session: ChromiumSession,
  seedPage: Page,
  server: ImagePageServer,
  withImages: boolean,
  saved: string[],
): Promise<ToolbarSaves> {
  const textMs: number[] = [];
  const imagesDoneMs: number[] = [];
  let imageBytes = 0;
  const before = await usage(seedPage);
  for (let run = 0; run < IMAGE_SAVE_RUNS; run++) {
    const known = new Set((await imageRows(seedPage)).map((row) => row.articleId));
    const tab = await openTab(session, withImages ? server.storyUrl(run) : server.plainUrl(run));
    const started = performance.now();
    const popup = await clickToolbarButton(session, tab);
    const textSaved = saveOutcome(popup).then((outcome) => {
      if (outcome.error) throw new Error(`the toolbar save failed: ${outcome.error}`);
      return performance.now() - started;
    });
    // Every toolbar save writes the article's images row (done at once when it has none).
    const row = await waitFor(
      'the saved article’s images to be done',
      async () => {
        const found = (await imageRows(seedPage)).find((item) => !known.has(item.articleId));
        return found?.state === 'done' && found;
      },
      60_000,
      IMAGES_POLL_MS,
    );
    imagesDoneMs.push(performance.now() - started);
    textMs.push(await textSaved);
    saved.push(row.articleId);
    const stored = row.images.filter((image) => image.status === 'stored');
    if (stored.length !== (withImages ? IMAGE_COUNT : 0) || row.images.length !== stored.length) {
      const statuses = row.images.map((image) => `${image.url}: ${image.status}`).join(', ');
      throw new Error(`expected ${withImages ? IMAGE_COUNT : 0} images stored, got ${statuses}`);
    }
    imageBytes += stored.reduce((sum, image) => sum + image.bytes, 0);
    await popup.close();
    await tab.close();
    process.stdout.write(
      `\r  toolbar saves ${withImages ? 'with' : 'without'} images: ${run + 1} / ${IMAGE_SAVE_RUNS}`,
    );
  }
  console.log();
  return {
    textMs,
    imagesDoneMs,
    bytesPerArticle: Math.round(((await usage(seedPage)) - before) / IMAGE_SAVE_RUNS),
    imageBytesPerArticle: Math.round(imageBytes / IMAGE_SAVE_RUNS),
  };
}

/**
 * Saves with the real toolbar button, IMAGE_SAVE_RUNS times each, the story without its figures
 * and then with its IMAGE_COUNT images of about 200 kB (bench/images-page.ts, served from
 * 127.0.0.1 for these saves only), then deletes every article it saved through the background,
 * as the library's Delete does (which frees their pictures).
 */
async function measureImageSaves(session: ChromiumSession, seedPage: Page, figures: SizeFigures) {
  const server = await startImagePageServer();
  const saved: string[] = [];
  const before = await usage(seedPage);
  let textOnly: ToolbarSaves;
  let withImages: ToolbarSaves;
  try {
    textOnly = await timeToolbarSaves(session, seedPage, server, false, saved);
    withImages = await timeToolbarSaves(session, seedPage, server, true, saved);
  } finally {
    await server.close();
    await deleteArticles(seedPage, saved);
  }
  const saveWithImagesMs = summary(withImages.imagesDoneMs);
  const toolbarSaveMs = summary(textOnly.textMs);
  return {
    /** Click → popup says saved, the story without figures. */
    toolbarSaveMs,
    /** Click → popup says saved, the story with its images (their fetching not yet done). */
    saveWithImagesTextMs: summary(withImages.textMs),
    /** Click → all IMAGE_COUNT images stored. */
    saveWithImagesMs,
    saveWithImagesRatioToToolbarSave: round(saveWithImagesMs.median / toolbarSaveMs.median, 2),
    saveWithImagesRatioToSaveMs: round(saveWithImagesMs.median / figures.saveMs.median, 2),
    bytesPerArticleToolbarTextOnly: textOnly.bytesPerArticle,
    bytesPerArticleWithImages: withImages.bytesPerArticle,
    imageBytesPerArticle: withImages.imageBytesPerArticle,
    /** What the deleted saves still take (IndexedDB gives it back when it compacts its files). */
    storageLeftAfterDeleteBytes: (await usage(seedPage)) - before,
  };
}

type ImageSaveFigures = Awaited<ReturnType<typeof measureImageSaves>>;

function reportImageSaves(size: number, images: ImageSaveFigures): void {
  const line = (name: string, times: { median: number; p95: number }) =>
    console.log(`  ${name}: median ${times.median} ms, p95 ${times.p95} ms`);
  console.log(`\n${size} articles, toolbar saves of a page with ${IMAGE_COUNT} images of ~200 kB`);
  line('toolbar save, text only (click → saved)', images.toolbarSaveMs);
  line('toolbar save with images (click → saved)', images.saveWithImagesTextMs);
  line('toolbar save with images (click → all stored)', images.saveWithImagesMs);
  console.log(
    `  ratio: ${images.saveWithImagesRatioToToolbarSave}× the text-only toolbar save, ${images.saveWithImagesRatioToSaveMs}× "save"`,
  );
  console.log(
    `  storage per article: ${images.bytesPerArticleWithImages} bytes with images (${images.imageBytesPerArticle} of pictures), ${images.bytesPerArticleToolbarTextOnly} without`,
  );
  console.log(`  left after deleting them: ${images.storageLeftAfterDeleteBytes} bytes`);
}

/**
 * Measures `sizes` (ascending) in one browser, generating articles up to each size first. With
 * `keepDir`, the profile and its library stay there for the next run.
 */
async function measureSizes(sizes: number[], keepDir?: string): Promise<SizeFigures[]> {
  const seeded = await buildSeededExtension(keepDir ? resolve(keepDir, 'extension') : undefined);
  const session = await launchChromium([], {
    extensionDir: seeded.dir,
    ...(keepDir ? { userDataDir: resolve(keepDir, 'profile') } : {}),
  });
  try {
    const seedPage = await openSeedPage(session);
    const cdp = await seedPage.createCDPSession();
    const bySize: SizeFigures[] = [];
    let seededCount = (await callSeedPage(seedPage, 'counts')).articles;
    for (const size of sizes) {
      const started = Date.now();
      while (seededCount < size) {
        const next = Math.min(size, seededCount + SEED_BATCH);
        await callSeedPage(seedPage, 'seed', seededCount, next);
        seededCount = next;
        process.stdout.write(`\rgenerating: ${seededCount} / ${size} articles`);
      }
      if (Date.now() - started > 1000) console.log(` (${round((Date.now() - started) / 1000)} s)`);
      const figures = await measureSize(session, seedPage, cdp, size);
      report(figures);
      bySize.push(figures);
    }
    // The saves with images come after every other figure of the profile's largest size, so
    // the articles they save and delete (and what IndexedDB keeps of them until it compacts)
    // cannot move any figure above, storage included; the empty library, in its own profile,
    // gets them too. They fetch over the loopback and write pictures, which hardly depends on
    // the library's size, and only the text part of the save does (that is `saveMs`).
    const largest = bySize.at(-1);
    if (largest) {
      largest.withImages = await measureImageSaves(session, seedPage, largest);
      reportImageSaves(largest.size, largest.withImages);
    }
    return bySize;
  } finally {
    await session.close();
    await seeded.remove();
  }
}

const keep = process.env.MARGINS_BENCH_KEEP;
// The empty baseline always gets a fresh profile of its own, even when the others are kept.
const bySize = [
  ...(SIZES.includes(0) ? await measureSizes([0]) : []),
  ...(await measureSizes(
    SIZES.filter((size) => size > 0),
    keep,
  )),
];
writeResults(bySize);

function writeResults(bySize: SizeFigures[]): void {
  const empty = bySize.find((figures) => figures.size === 0);
  const tenK = bySize.find((figures) => figures.size === 10_000);
  const bytesPerArticle =
    empty && tenK ? Math.round((tenK.storageBytes - empty.storageBytes) / tenK.articles) : null;
  // The saves with images of the largest library measured.
  const withImagesAt = bySize.findLast((figures) => figures.withImages);
  const images = withImagesAt?.withImages;
  const results = {
    popupFirstRowsMsEmpty: empty?.firstRowsMs.median ?? null,
    popupFirstRowsMs10k: tenK?.firstRowsMs.median ?? null,
    popupFirstRowsRatio10kToEmpty:
      empty && tenK ? round(tenK.firstRowsMs.median / empty.firstRowsMs.median, 2) : null,
    searchP95Ms10k: tenK?.searchKeystrokeMs.p95 ?? null,
    searchMedianMs10k: tenK?.searchKeystrokeMs.median ?? null,
    saveMs10k: tenK?.saveMs.median ?? null,
    exportMs10k: tenK?.exportMs ?? null,
    exportPeakMemoryMB10k: tenK?.exportPeakHeapMB ?? null,
    bytesPerArticle,
    saveWithImagesMs: images?.saveWithImagesMs.median ?? null,
    saveWithImagesP95Ms: images?.saveWithImagesMs.p95 ?? null,
    toolbarSaveMs: images?.toolbarSaveMs.median ?? null,
    saveWithImagesRatioToToolbarSave: images?.saveWithImagesRatioToToolbarSave ?? null,
    bytesPerArticleWithImages: images?.bytesPerArticleWithImages ?? null,
    bytesPerArticleToolbarTextOnly: images?.bytesPerArticleToolbarTextOnly ?? null,
    withImagesMeasuredAtSize: withImagesAt?.size ?? null,
    popupJsGzipBytes: popupJsGzipBytes(),
    measuredAt: new Date().toISOString(),
    bySize,
  };
  console.log(`\npopup JavaScript: ${results.popupJsGzipBytes} bytes gzipped`);
  if (bytesPerArticle !== null) console.log(`storage: ${bytesPerArticle} bytes per article`);
  writeFileSync(resolve(ROOT, 'bench/results/scale.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench/results/scale.json');
}
