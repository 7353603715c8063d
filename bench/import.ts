/**
 * `npm run bench:import`: imports and exports a large library through the Import & export page
 * of the built extension (dist/chrome, `npm run build` first) in headless Chromium, driven as a
 * user would: choose the file, wait for the dry run, press Import, wait for the report; choose a
 * format, press Export, wait for the download.
 *
 * - a Pocket CSV of 10,000 rows, imported into a new profile;
 * - a Margins collection of 10,000 articles with 50,000 highlights, imported into a new profile
 *   and exported as Margins JSON (E1); E1 imported into another new profile and exported again
 *   (E2): the round trip is identical when E1 and E2 differ only in `exportedAt`.
 *
 * Memory: the page's JavaScript heap (CDP Performance.getMetrics, JSHeapUsedSize) and the
 * resident memory of every Chromium process (ps), both sampled every 200 ms; the peak of each.
 * Writes bench/results/import.json. No targets are asserted here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'puppeteer-core';
import { highlightAnnotation } from '../src/db/import-records.ts';
import { describeRange } from '../src/shared/anchoring/describe.ts';
import { launchChromium, openTab, type ChromiumSession } from '../tests/e2e/harness/chromium.ts';
import { waitFor } from '../tests/e2e/harness/util.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = 10_000;
const HIGHLIGHTS_PER_ARTICLE = 5;
const POCKET_ROWS = 10_000;
/** Generous: the bench measures, it does not enforce; a stuck step still ends. */
const STEP_TIMEOUT = 600_000;

const workDir = mkdtempSync(join(tmpdir(), 'margins-bench-import-'));

// ---------- generated inputs ----------

const TAGS = ['politics', 'science', 'longread', 'climate', 'tech', 'culture', 'to-cite'];
const WORDS =
  'the council voted late on tuesday after a long debate about housing water rail schools and ' +
  'the budget while reporters waited outside in the rain for a statement that never came'.split(
    ' ',
  );

/** A deterministic pseudo-random sequence, so every run imports the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function pocketCsv(): string {
  const next = random(7);
  const lines = ['title,url,time_added,cursor,tags,status'];
  for (let index = 0; index < POCKET_ROWS; index += 1) {
    const tags = TAGS.filter(() => next() < 0.2).join('|');
    const title = `"${sentence(next, 6).replace(/"/g, '""')}, part ${index}"`;
    const added = 1_600_000_000 + index * 613;
    const status = next() < 0.4 ? 'archive' : 'unread';
    lines.push(
      `${title},https://pocket.example/story/${index}?ref=feed,${added},${index},${tags},${status}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const hex12 = (n: number) => n.toString(16).padStart(12, '0');

/** A Margins export whose records pass the same validation as a real one. */
function marginsCollection(): string {
  const next = random(11);
  const chunks = [
    '{"format":"margins-export","version":1,"exportedAt":"2026-11-27T10:00:00.000Z","articles":[',
  ];
  for (let index = 0; index < ARTICLES; index += 1) {
    const paragraphs = Array.from({ length: 6 }, () => sentence(next, 40));
    // The article text (articleTextOf) of <p>…</p><p>…</p> is the paragraphs' text end to end.
    const articleText = paragraphs.join('');
    const id = `article-${index}`;
    const savedAt = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString();
    const url = `https://news.example/${2024 + (index % 3)}/story-${index}`;
    const annotations = Array.from({ length: HIGHLIGHTS_PER_ARTICLE }, (_, h) => {
      const start = Math.floor(next() * (articleText.length - 60));
      const end = start + 20 + Math.floor(next() * 40);
      const note = h % 2 ? `Note ${h} on ${index}` : '';
      const created = new Date(Date.parse(savedAt) + (h + 1) * 60_000).toISOString();
      const annotation = highlightAnnotation(
        `00000000-0000-4000-8000-${hex12(index * HIGHLIGHTS_PER_ARTICLE + h)}`,
        { id, url },
        describeRange(articleText, start, end),
        note,
        created,
      );
      return { ...annotation, colour: (['yellow', 'green', 'blue', 'pink'] as const)[h % 4] };
    });
    const article = {
      kind: 'article',
      url,
      canonicalUrl: url,
      originalSourceUrl: null,
      title: `${sentence(next, 7)} (${index})`,
      byline: 'Jane Doe',
      authors: ['Jane Doe'],
      siteName: 'News Example',
      publishedTime: savedAt.slice(0, 10),
      modifiedTime: null,
      lang: 'en',
      dir: 'ltr',
      excerpt: paragraphs[0],
      contentHtml: paragraphs.map((text) => `<p>${text}</p>`).join(''),
      textContent: paragraphs.join('\n'),
      wordCount: 240,
      leadImageUrl: null,
      fieldSources: { title: 'json-ld', byline: 'json-ld' },
      id,
      savedAt,
      updatedAt: savedAt,
      tags: TAGS.filter(() => next() < 0.2),
      note: index % 10 === 0 ? `Why I kept ${index}` : '',
      readAt: index % 3 === 0 ? savedAt : null,
      archivedAt: null,
      annotations,
    };
    chunks.push(`${index === 0 ? '' : ','}\n${JSON.stringify(article)}`);
  }
  chunks.push('\n]}\n');
  return chunks.join('');
}

// ---------- measuring ----------

interface Peaks {
  heapMB: number;
  rssMB: number;
}

/** Resident memory of the browser and all its child processes, in MB. */
function browserRssMB(rootPid: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const kb = rows.reduce((sum, [pid, , rss]) => (tree.has(pid) ? sum + rss : sum), 0);
  return kb / 1024;
}

async function sampleMemory(session: ChromiumSession, page: Page, peaks: Peaks) {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const pid = session.browser.process()?.pid;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
        peaks.heapMB = Math.max(peaks.heapMB, heap / 1024 / 1024);
        if (pid) peaks.rssMB = Math.max(peaks.rssMB, browserRssMB(pid));
      } catch {
        // The page may be navigating or closing; the next sample will do.
      }
      await new Promise((done) => setTimeout(done, 200));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await cdp.detach().catch(() => undefined);
  };
}

async function openTransfer(session: ChromiumSession): Promise<Page> {
  const page = await openTab(session, `chrome-extension://${session.extensionId}/transfer.html`);
  await page.waitForSelector('#import-file');
  return page;
}

interface ImportTiming {
  ms: number;
  readAndPlanMs: number;
  writeMs: number;
  plan: string;
  report: string;
}

const textOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** Chooses the file, waits for the dry run, presses Import and waits for the report. */
async function importThroughPage(page: Page, path: string): Promise<ImportTiming> {
  const input = await page.$('input#import-file');
  if (!input) throw new Error('no file input on the page');
  const started = performance.now();
  await input.uploadFile(path);
  await page.waitForSelector('[data-testid=import-plan], [data-testid=import-error]', {
    timeout: STEP_TIMEOUT,
  });
  const planned = performance.now();
  if (await page.$('[data-testid=import-error]')) {
    throw new Error(`import refused: ${await textOf(page, '[data-testid=import-error]')}`);
  }
  const plan = await textOf(page, '[data-testid=import-plan]');
  const confirmed = performance.now();
  await page.click('section[aria-labelledby=import-heading] button.primary');
  await page.waitForSelector('[data-testid=import-report], [data-testid=import-error]', {
    timeout: STEP_TIMEOUT,
  });
  const done = performance.now();
  if (await page.$('[data-testid=import-error]')) {
    throw new Error(`import failed: ${await textOf(page, '[data-testid=import-error]')}`);
  }
  return {
    ms: planned - started + (done - confirmed),
    readAndPlanMs: planned - started,
    writeMs: done - confirmed,
    plan,
    report: await textOf(page, '[data-testid=import-report]'),
  };
}

/** Presses Export (Margins JSON) and waits until the download is complete; its path and time. */
async function exportThroughPage(
  session: ChromiumSession,
  page: Page,
): Promise<{ ms: number; path: string }> {
  const before = new Set(readdirSync(session.downloadsDir));
  await page.click('input[name=export-format][value=margins-json]');
  const started = performance.now();
  await page.click('section[aria-labelledby=export-heading] button.primary');
  // Chromium writes to a .crdownload and renames it to the final name when it is complete.
  const name = await waitFor(
    'the JSON export',
    async () =>
      readdirSync(session.downloadsDir).find(
        (file) => !before.has(file) && /^margins-.*\.json$/.test(file),
      ),
    STEP_TIMEOUT,
    50,
  );
  const ms = performance.now() - started;
  const path = join(workDir, `export-${Date.now()}.json`);
  writeFileSync(path, readFileSync(join(session.downloadsDir, name)));
  rmSync(join(session.downloadsDir, name));
  return { ms, path };
}

/** Runs `steps` in a new, empty Chromium profile with the page open and memory sampled. */
async function inNewProfile<T>(
  peaks: Peaks,
  steps: (session: ChromiumSession, page: Page) => Promise<T>,
): Promise<T> {
  const session = await launchChromium();
  try {
    const page = await openTransfer(session);
    const stop = await sampleMemory(session, page, peaks);
    try {
      return await steps(session, page);
    } finally {
      await stop();
    }
  } finally {
    await session.close();
  }
}

const withoutExportedAt = (text: string) =>
  text.replace(/^(\{"format":"margins-export","version":\d+,"exportedAt":)"[^"]*"/, '$1""');

// ---------- the run ----------

const pocketPath = join(workDir, 'pocket-10k.csv');
writeFileSync(pocketPath, pocketCsv());
const collectionPath = join(workDir, 'margins-10k.json');
const collection = marginsCollection();
writeFileSync(collectionPath, collection);
const collectionMB = Buffer.byteLength(collection) / 1024 / 1024;
console.log(
  `generated: Pocket CSV ${POCKET_ROWS} rows; Margins JSON ${ARTICLES} articles, ` +
    `${ARTICLES * HIGHLIGHTS_PER_ARTICLE} highlights, ${collectionMB.toFixed(1)} MB`,
);

const peaks: Peaks = { heapMB: 0, rssMB: 0 };
try {
  const pocket = await inNewProfile(peaks, (_session, page) => importThroughPage(page, pocketPath));
  console.log(`Pocket CSV: ${pocket.plan} → ${pocket.report}`);

  const first = await inNewProfile(peaks, async (session, page) => {
    const imported = await importThroughPage(page, collectionPath);
    const exported = await exportThroughPage(session, page);
    return { imported, exported };
  });
  console.log(`Margins JSON: ${first.imported.plan} → ${first.imported.report}`);

  const second = await inNewProfile(peaks, async (session, page) => {
    const imported = await importThroughPage(page, first.exported.path);
    const exported = await exportThroughPage(session, page);
    return { imported, exported };
  });

  const e1 = readFileSync(first.exported.path, 'utf8');
  const e2 = readFileSync(second.exported.path, 'utf8');
  const roundTripIdentical = withoutExportedAt(e1) === withoutExportedAt(e2);
  const exportedArticles = (JSON.parse(e1) as { articles: unknown[] }).articles.length;

  const round = (ms: number) => Math.round(ms);
  const results = {
    pocketCsv10kMs: round(pocket.ms),
    jsonImport10kMs: round(first.imported.ms),
    jsonExport10kMs: round(first.exported.ms),
    jsonRoundTripMs: round(second.imported.ms + second.exported.ms),
    roundTripIdentical,
    peakMemoryMB: Math.round(peaks.heapMB),
    details: {
      peakMemory:
        "peakMemoryMB: the import & export page's JavaScript heap (CDP Performance.getMetrics " +
        'JSHeapUsedSize), sampled every 200 ms; peakBrowserRssMB: resident memory of all ' +
        'Chromium processes (ps), same samples',
      peakBrowserRssMB: Math.round(peaks.rssMB),
      pocketCsv: {
        rows: POCKET_ROWS,
        readAndPlanMs: round(pocket.readAndPlanMs),
        writeMs: round(pocket.writeMs),
      },
      marginsJson: {
        articles: ARTICLES,
        highlights: ARTICLES * HIGHLIGHTS_PER_ARTICLE,
        fileMB: Math.round(collectionMB * 10) / 10,
        exportedArticles,
        exportMB: Math.round((Buffer.byteLength(e1) / 1024 / 1024) * 10) / 10,
        importReadAndPlanMs: round(first.imported.readAndPlanMs),
        importWriteMs: round(first.imported.writeMs),
        roundTripImportMs: round(second.imported.ms),
        roundTripExportMs: round(second.exported.ms),
      },
      timing:
        'import times run from choosing the file to the dry run shown, plus from pressing Import ' +
        'to the report (the wait for the click is not counted); export from pressing Export to ' +
        'the complete file in the downloads folder',
    },
  };
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    resolve(ROOT, 'bench/results/import.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
