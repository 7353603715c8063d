/**
 * `npm run bench:sync` (`npm run build` first): sync through a CouchDB-compatible server on
 * loopback (PouchDB Server in memory, tests/e2e/harness/couch-server.ts) into headless Chromium
 * with the built extension. The server is filled from Node through Margins' own sync code:
 * 10,000 generated articles (bench:scale's, 800–2,000 words) with their highlights, sealed with
 * AES-GCM under a passphrase, and the same states unsealed (plainCipher) in a second database.
 *
 * - initialSync10kMs: an empty profile turns sync on in Settings with the passphrase (the real
 *   path: site access, server and passphrase checks, key derivation, the background's sync),
 *   timed from the click until the background reports the sync done; then checked: 10,000
 *   cards, and a search for a rare word finds its article.
 * - encryptionOverhead: the real engine (`syncOnce`) run in the seed page of a copy of the
 *   extension, into the extension's own database of a new profile, once from the sealed
 *   database and once from the plain one: time with AES-GCM ÷ time without. Also at 1,000
 *   articles, median of MARGINS_BENCH_RATIO_RUNS (3) runs each, alternating.
 * - pushAfterSaveMs: with sync on, a toolbar save of a fixture page until the document is on
 *   the server (Node reads `_changes` and opens the new document); includes the 2 s wait.
 * - pullOneChangeMs: another device (Node) corrects an article's title on the server; the
 *   library page is opened (which asks for a pull) until the new title is on screen.
 * - serverBytesPerArticle: the sealed documents' JSON size per article (and the database
 *   information's sizes, when the server gives them).
 * - converged: the profile and the Node device edit the same article without seeing each other,
 *   both sync, and every article's records (article and annotations) are equal on both.
 *
 * Writes bench/results/sync.json. No targets are asserted: they are printed next to the figures.
 * MARGINS_BENCH_ARTICLES changes the size (figures keep their 10k names);
 * MARGINS_BENCH_PROFILE=1 also records a CPU profile of one engine sync and prints where the
 * page's time went (MARGINS_BENCH_PROFILE_FILE=path.cpuprofile keeps it for DevTools);
 * MARGINS_BENCH_ENGINE_ONLY=1 stops after the engine's syncs; MARGINS_BENCH_FIRST_SYNCS=N runs
 * only the first sync through Settings, N times in new profiles, to compare two builds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'puppeteer-core';
import { toBase64 } from '../src/sync/base64.ts';
import { decodeState, type ServerDocument } from '../src/sync/codec.ts';
import { CouchClient } from '../src/sync/couch.ts';
import { aesGcmCipher, plainCipher, type Cipher } from '../src/sync/crypto.ts';
import { createVault, VAULT_ID } from '../src/sync/vault.ts';
import {
  PULL_ON_OPEN_GAP_MS,
  SYNC_STATUS_KEY,
  syncOriginPattern,
  type SyncStatus,
} from '../src/shared/sync-status.ts';
import {
  allowSiteAccessInExtensionsPage,
  clickToolbarButton,
  launchChromium,
  openTab,
  saveOutcome,
  type ChromiumSession,
} from '../tests/e2e/harness/chromium.ts';
import { startCouchServer, type CouchServer } from '../tests/e2e/harness/couch-server.ts';
import { startFixtureServer } from '../tests/e2e/harness/fixture-server.ts';
import {
  buildSeededExtension,
  callSeedPage,
  openSeedPage,
  type SeededExtension,
} from '../tests/e2e/harness/seeded-extension.ts';
import { fillSyncForm, readSyncStatus, waitForStatus } from '../tests/e2e/harness/sync.ts';
import { waitFor } from '../tests/e2e/harness/util.ts';
import type { EngineSyncOptions, EngineSyncTiming } from '../tests/e2e/seed/sync-bench.ts';
import {
  benchArticle,
  benchArticleId,
  firstPushOrder,
  jsonBytes,
  NodeReplica,
  RareWordProbe,
  seedServer,
} from './sync-library.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = Number(process.env.MARGINS_BENCH_ARTICLES ?? 10_000);
const RATIO_ARTICLES = Math.min(1_000, ARTICLES);
const RATIO_RUNS = Number(process.env.MARGINS_BENCH_RATIO_RUNS ?? 3);
const PULL_RUNS = 10;
const PROFILE = process.env.MARGINS_BENCH_PROFILE === '1';
/** Where to keep that profile as it was recorded (opens in DevTools' Performance panel). */
const PROFILE_FILE = process.env.MARGINS_BENCH_PROFILE_FILE;
/** Only the engine's first syncs (and the profile, if asked): a quick look at the first sync. */
const ENGINE_ONLY = process.env.MARGINS_BENCH_ENGINE_ONLY === '1';
const FIRST_SYNCS = Number(process.env.MARGINS_BENCH_FIRST_SYNCS ?? 0);
const PASSPHRASE = 'a long passphrase for the sync bench';
/** The databases: the library as Margins syncs it, and the same states unsealed. */
const SEALED_DB = 'margins';
const PLAIN_DB = 'margins-plain';
const SEALED_SMALL_DB = 'margins-small';
const PLAIN_SMALL_DB = 'margins-small-plain';
/** A first sync of the whole library may take minutes on a busy machine: the bench waits. */
const SYNC_TIMEOUT_MS = 3_600_000;
const FIXTURE_PAGES = [
  'news7-pyongyang.html',
  'jsonld-graph.html',
  'no-metadata.html',
  'opengraph-only.html',
  'related-times.html',
  'rtl-arabic.html',
  'syndicated-source.html',
  'e2e-second-article.html',
  'not-article.html',
  'e2e-not-article.html',
];

const TARGETS = {
  initialSync10kMs: '≤ 60,000',
  pushAfterSaveMs: '≤ 3,000',
  pullOneChangeMs: '≤ 1,000',
  encryptionOverhead: '≤ 1.3',
  serverBytesPerArticle: '–',
  converged: 'true',
};

// ---------- figures ----------

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] ?? Number.NaN;
}
const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const summary = (values: readonly number[]) => ({
  median: round(quantile(values, 0.5)),
  p95: round(quantile(values, 0.95)),
  runs: values.map((value) => round(value)),
});
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------- the server ----------

function couchFor(server: CouchServer, database: string): CouchClient {
  return new CouchClient({ serverUrl: server.origin, database, username: '', password: '' });
}

async function serverJson(server: CouchServer, path: string): Promise<unknown> {
  const response = await fetch(`${server.origin}/${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

/** Every document of a database, read in pages. */
async function allDocs(server: CouchServer, database: string): Promise<ServerDocument[]> {
  const docs: ServerDocument[] = [];
  const PAGE = 1000;
  let after: string | null = null;
  for (;;) {
    const from =
      after === null ? '' : `&startkey=${encodeURIComponent(JSON.stringify(after))}&skip=1`;
    const page = (await serverJson(
      server,
      `${database}/_all_docs?include_docs=true&limit=${PAGE}${from}`,
    )) as { rows: { id: string; doc: ServerDocument }[] };
    docs.push(...page.rows.map((row) => row.doc));
    const last = page.rows[page.rows.length - 1];
    if (!last || page.rows.length < PAGE) return docs;
    after = last.id;
  }
}

async function updateSeq(server: CouchServer, database: string): Promise<string | number> {
  const info = (await serverJson(server, database)) as { update_seq: string | number };
  return info.update_seq;
}

/** The id of the article at `url` once a document written after `since` holds it. */
async function waitForArticleOnServer(
  server: CouchServer,
  cipher: Cipher,
  since: string | number,
  url: string,
): Promise<string> {
  return waitFor(
    `${url} on the server`,
    async () => {
      const changes = (await serverJson(
        server,
        `${SEALED_DB}/_changes?include_docs=true&since=${encodeURIComponent(String(since))}`,
      )) as { results: { doc?: ServerDocument }[] };
      for (const { doc } of changes.results) {
        if (!doc?.c) continue;
        const state = await decodeState(cipher, doc);
        if (state.fields.url?.v === url) return state.id;
      }
      return undefined;
    },
    60_000,
    20,
  );
}

// ---------- the browser ----------

interface Profile {
  session: ChromiumSession;
  seedPage: Page;
}

/** A new, empty profile with the seeded copy of the extension and site access to the server. */
async function newProfile(seeded: SeededExtension, server: CouchServer): Promise<Profile> {
  const session = await launchChromium([], { extensionDir: seeded.dir });
  try {
    await allowSiteAccessInExtensionsPage(session, syncOriginPattern(server.origin) ?? '');
    return { session, seedPage: await openSeedPage(session) };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/**
 * Waits until the status the background keeps satisfies `done`; a sync that fails meanwhile
 * ends the wait with its error.
 */
async function waitForSync(
  page: Page,
  what: string,
  done: (status: SyncStatus) => boolean,
  timeoutMs = 60_000,
): Promise<SyncStatus> {
  const status = await waitForStatus(
    page,
    what,
    (current) => current.state === 'error' || done(current),
    timeoutMs,
  );
  if (status.state === 'error') throw new Error(`sync failed: ${JSON.stringify(status.error)}`);
  return status;
}

const settled = (status: SyncStatus) =>
  status.enabled && status.state === 'idle' && status.pending === 0 && !!status.lastSuccessAt;

/**
 * Settings → Sync, filled and turned on as a user does; the time from the click until the
 * background reports the first sync done (status polled every 100 ms).
 */
async function turnOnSyncInSettings(profile: Profile, serverUrl: string): Promise<number> {
  const { session } = profile;
  const page = await openTab(session, `chrome-extension://${session.extensionId}/options.html`);
  await fillSyncForm(page, {
    serverUrl,
    database: SEALED_DB,
    username: '',
    password: '',
    passphrase: PASSPHRASE,
  });
  const started = performance.now();
  await page.click('#sync-enable');
  await waitForSync(page, 'the first sync', settled, SYNC_TIMEOUT_MS);
  const ms = performance.now() - started;
  await page.close();
  return ms;
}

/**
 * Toolbar saves of the fixture pages, each timed from the click until its document is on the
 * server (the background sends changes 2 s after they happen). Returns the times and the id of
 * the last article saved (the newest, first in the library).
 */
async function timePushes(
  profile: Profile,
  server: CouchServer,
  cipher: Cipher,
  statusPage: Page,
): Promise<{ times: number[]; newestId: string }> {
  const fixtures = await startFixtureServer();
  const times: number[] = [];
  let newestId = '';
  try {
    for (const name of FIXTURE_PAGES) {
      await waitForSync(statusPage, 'nothing waiting to be sent', settled);
      const since = await updateSeq(server, SEALED_DB);
      const url = fixtures.url(name);
      const tab = await openTab(profile.session, url);
      const started = performance.now();
      const popup = await clickToolbarButton(profile.session, tab);
      const outcome = await saveOutcome(popup);
      if (outcome.error) throw new Error(`saving ${name} failed: ${outcome.error}`);
      newestId = await waitForArticleOnServer(server, cipher, since, url);
      times.push(performance.now() - started);
      await popup.close();
      await tab.close();
      process.stdout.write(`\r  saves: ${times.length} / ${FIXTURE_PAGES.length}`);
    }
  } finally {
    await fixtures.close();
  }
  console.log();
  return { times, newestId };
}

/** When the library page saw each step of a pull, on its own clock from its navigation. */
interface PullMarks {
  /** The background's status said a sync started. */
  syncing?: number;
  /** The status counted the change received (its batch is committed). */
  received?: number;
  /** The list first showed any rows (the page's own first read of the library). */
  firstRows?: number;
  /** The new title was painted. */
  shown: number;
}

/** Opens the library page and resolves once it shows `title`, with the steps on its clock. */
async function openLibraryUntilTitle(profile: Profile, title: string): Promise<PullMarks> {
  const page = await profile.session.browser.newPage();
  await page.bringToFront();
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluateOnNewDocument(
    (expected: string, statusKey: string) => {
      const marks: Partial<PullMarks> = {};
      (globalThis as unknown as { pullMarks: Partial<PullMarks> }).pullMarks = marks;
      type Changes = Record<string, { newValue?: { state?: string; received?: number } }>;
      (
        globalThis as unknown as {
          chrome: { storage: { onChanged: { addListener(fn: (c: Changes) => void): void } } };
        }
      ).chrome.storage.onChanged.addListener((changes) => {
        const status = changes[statusKey]?.newValue;
        if (status?.state === 'syncing') marks.syncing ??= performance.now();
        if ((status?.received ?? 0) > 0) marks.received ??= performance.now();
      });
      new MutationObserver((_records, observer) => {
        const titles = [...document.querySelectorAll('.article-title')];
        if (titles.length > 0) marks.firstRows ??= performance.now();
        if (!titles.some((element) => element.textContent?.trim() === expected)) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          marks.shown = performance.now();
        });
      }).observe(document, { childList: true, subtree: true, characterData: true });
    },
    title,
    SYNC_STATUS_KEY,
  );
  await page.goto(`chrome-extension://${profile.session.extensionId}/popup.html?view=tab`);
  const handle = await page.waitForFunction(
    () => {
      const marks = (globalThis as unknown as { pullMarks?: Partial<PullMarks> }).pullMarks;
      return marks?.shown === undefined ? undefined : marks;
    },
    { timeout: 30_000 },
  );
  const marks = (await handle.jsonValue()) as PullMarks;
  await page.close();
  return marks;
}

/**
 * Waits until no sync runs and the last one ended longer ago than the pull-on-open gap, so the
 * page about to open asks for a pull and gets one (a sync started meanwhile, by the alarm or a
 * send, restarts the wait).
 */
async function waitForPullOnOpen(statusPage: Page): Promise<void> {
  for (;;) {
    const status = await waitForSync(statusPage, 'the last sync to end', settled);
    const wait = Date.parse(status.lastSuccessAt ?? '') + PULL_ON_OPEN_GAP_MS + 500 - Date.now();
    if (wait <= 0 && settled(await readSyncStatus(statusPage))) return;
    await new Promise((done) => setTimeout(done, Math.max(100, wait)));
  }
}

/**
 * Another device corrects the newest article's title on the server; the library page is opened
 * (it asks the background for a pull) and timed from its navigation until the new title is
 * painted. Each run waits until the last sync is older than the pull-on-open gap.
 */
async function timePulls(
  profile: Profile,
  replica: NodeReplica,
  statusPage: Page,
  articleId: string,
  runs: number,
): Promise<PullMarks[]> {
  const times: PullMarks[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await waitForPullOnOpen(statusPage);
    const title = `Corrected on another device (${run})`;
    await replica.edit(articleId, (records) => ({
      ...records,
      article: records.article && {
        ...records.article,
        title,
        fieldSources: { ...records.article.fieldSources, title: 'user' },
      },
    }));
    times.push(await openLibraryUntilTitle(profile, title));
    process.stdout.write(`\r  pulls: ${times.length} / ${runs}`);
  }
  console.log();
  return times;
}

type RuntimeGlobal = typeof globalThis & {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
};

/** A request to the background from an extension page, as the library page sends it. */
async function requestFromPage(page: Page, message: Record<string, unknown>): Promise<void> {
  const reply = (await page.evaluate(
    (sent) => (globalThis as RuntimeGlobal).chrome.runtime.sendMessage(sent),
    message,
  )) as { ok?: boolean; error?: unknown };
  if (!reply?.ok) throw new Error(`${String(message.type)} failed: ${JSON.stringify(reply)}`);
}

/**
 * Both devices edit the same article before either sees the other's edit (the Node device its
 * note and a tag, the browser another tag and its read state); the browser then syncs by
 * itself (2 s after its change). Then every article's records are compared on both devices.
 */
async function checkConvergence(
  profile: Profile,
  server: CouchServer,
  replica: NodeReplica,
  statusPage: Page,
  articleId: string,
  tags: readonly string[],
) {
  await waitForSync(statusPage, 'the last sync to end', settled);
  const editedAt = new Date().toISOString();
  const note = 'Written on the other device';
  await replica.edit(articleId, (records) => ({
    ...records,
    article: records.article && { ...records.article, note, tags: [...tags, 'from-node'] },
  }));
  await requestFromPage(statusPage, {
    type: 'set-article-tags',
    articleId,
    tags: [...tags, 'from-browser'],
  });
  await requestFromPage(statusPage, { type: 'set-read', articleIds: [articleId], read: true });
  await waitForSync(
    statusPage,
    'the edits to be sent',
    (status) => settled(status) && (status.lastSuccessAt ?? '') > editedAt,
  );
  const [browserSide, nodeSide] = await Promise.all([
    callSeedPage(profile.seedPage, 'libraryDigest'),
    replica.readLibrary(await allDocs(server, SEALED_DB)),
  ]);
  const ids = new Set([...Object.keys(browserSide), ...nodeSide.keys()]);
  const differing = [...ids].filter((id) => browserSide[id] !== nodeSide.get(id));
  const merged = replica.recordsOf(articleId);
  return {
    converged: differing.length === 0,
    articles: { browser: Object.keys(browserSide).length, node: nodeSide.size },
    differing: differing.slice(0, 10),
    bothEditsKept:
      !!merged?.article &&
      merged.article.note === note &&
      merged.article.tags.includes('from-node') &&
      merged.article.tags.includes('from-browser') &&
      merged.article.readAt !== null,
  };
}

/** Runs the engine in the seed page and waits for its outcome (polled: it may take minutes). */
async function engineSyncInPage(page: Page, options: EngineSyncOptions): Promise<EngineSyncTiming> {
  await callSeedPage(page, 'startEngineSync', options);
  const outcome = await waitFor(
    'the engine sync',
    () => callSeedPage(page, 'engineSyncOutcome'),
    SYNC_TIMEOUT_MS,
    250,
  );
  if ('error' in outcome) throw new Error(`engine sync failed: ${outcome.error}`);
  return outcome.timing;
}

/** One engine sync into a new, empty profile. */
async function engineRun(
  seeded: SeededExtension,
  server: CouchServer,
  database: string,
  masterKey: string | null,
  expected: number,
): Promise<EngineSyncTiming> {
  const profile = await newProfile(seeded, server);
  try {
    const timing = await engineSyncInPage(profile.seedPage, {
      serverUrl: server.origin,
      database,
      ...(masterKey ? { cipher: 'aes-gcm', masterKey } : { cipher: 'plain' }),
    });
    const cards = await callSeedPage(profile.seedPage, 'cardCount');
    if (timing.received !== expected || cards !== expected) {
      throw new Error(`${database}: received ${timing.received}, ${cards} cards, not ${expected}`);
    }
    return timing;
  } finally {
    await profile.session.close();
  }
}

const phases = (timing: EngineSyncTiming) => ({
  ms: round(timing.ms),
  changesMs: round(timing.changesMs),
  openMs: round(timing.openMs),
  writeTransactionsMs: round(timing.writeTransactionsMs),
  readTransactionsMs: round(timing.readTransactionsMs),
  transactions: timing.transactions,
  writeRequestsMs: Object.fromEntries(
    Object.entries(timing.writeRequestsMs).map(([store, ms]) => [store, round(ms)]),
  ),
  recordsPut: timing.recordsPut,
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where a sample's time went: the innermost function on its stack that names a step of the
 * sync (the names are the source's own: the seed page is built unminified). The page's thread
 * is idle while IndexedDB (in the browser process), the server or WebCrypto work.
 */
const STEPS: [string, readonly string[]][] = [
  ['idle: waiting for IndexedDB, the server, WebCrypto', ['(idle)']],
  ['garbage collection', ['(garbage collector)']],
  ['inflate (fflate)', ['inflateSync', 'inflt']],
  ['AES-GCM and id HMAC (native)', ['decrypt', 'sign', 'open', 'documentId']],
  ['base64', ['fromBase64']],
  ['decode: text, JSON.parse, schema check', ['decodeState', 'decode']],
  ['_changes: fetch, JSON, schema check', ['changes', 'request', 'parse']],
  ['IndexedDB writes (Dexie; values cloned in put)', ['mutate']],
  ['IndexedDB reads (Dexie; values cloned back)', ['getMany', 'query', 'openCursor']],
  ['search words and postings in memory', ['tokenize', 'searchDocOf', 'addDoc', 'removeDoc']],
  ['postings: read, merge, write', ['applyTo']],
  ['cards and other derived rows', ['deriveCreated', 'cardOf', 'refreshInParallel']],
  ['duplicate check (address index)', ['foldDuplicates', 'savedUnder']],
  ['render states to records, compare', ['writeOf', 'renderState', 'sameRecords', 'canonical']],
  ['merge states', ['joinArticle', 'withLocalChanges', 'recordLocalChanges', 'compactArticle']],
  ['read local copies', ['readLocalCopies']],
  ['write batch (the rest)', ['writeReplicaBatch']],
];

function stepsOf(cpu: CpuProfile): { step: string; ms: number; share: number }[] {
  const parent = new Map<number, number>();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const stepOfName = new Map(STEPS.flatMap(([step, names]) => names.map((name) => [name, step])));
  const stepOfNode = (leaf: number): string => {
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const step = stepOfName.get(byId.get(id)?.callFrame.functionName ?? '');
      if (step) return step;
    }
    const name = byId.get(leaf)?.callFrame.functionName;
    return name === '(program)' ? 'browser internals' : 'other script (Dexie, promises)';
  };
  const ms = new Map<string, number>();
  let total = 0;
  cpu.samples.forEach((id, at) => {
    const delta = (cpu.timeDeltas[at] ?? 0) / 1000;
    const step = stepOfNode(id);
    ms.set(step, (ms.get(step) ?? 0) + delta);
    total += delta;
  });
  return [...ms]
    .sort((a, b) => b[1] - a[1])
    .map(([step, time]) => ({ step, ms: round(time), share: round((100 * time) / total, 1) }));
}

/** One sealed engine sync of the whole library with the seed page's CPU profile recorded. */
async function profileEngineSync(seeded: SeededExtension, server: CouchServer, masterKey: string) {
  console.log('one more sealed engine sync, profiled…');
  const profile = await newProfile(seeded, server);
  try {
    const cdp = await profile.seedPage.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const timing = await engineSyncInPage(profile.seedPage, {
      serverUrl: server.origin,
      database: SEALED_DB,
      cipher: 'aes-gcm',
      masterKey,
    });
    const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    if (PROFILE_FILE) writeFileSync(PROFILE_FILE, JSON.stringify(cpu));
    const steps = stepsOf(cpu);
    console.log(`  ${seconds(timing.ms)} (profiled):`);
    for (const { step, ms, share } of steps) {
      console.log(`  ${String(share).padStart(5)} %  ${seconds(ms).padStart(8)}  ${step}`);
    }
    return { ms: round(timing.ms), steps };
  } finally {
    await profile.session.close();
  }
}

// ---------- the run ----------

interface ServerSize {
  sealedBytes: number;
  plainBytes: number;
  info: Record<string, unknown>;
}

/** The server's figures before any browser wrote to it: only the seeded library is there. */
async function measureServer(server: CouchServer): Promise<ServerSize> {
  const sealedDocs = await allDocs(server, SEALED_DB);
  const plainDocs = await allDocs(server, PLAIN_DB);
  const bytes = (docs: ServerDocument[]) =>
    docs.filter((doc) => doc._id !== VAULT_ID).reduce((sum, doc) => sum + jsonBytes(doc), 0);
  const info = (await serverJson(server, SEALED_DB)) as Record<string, unknown>;
  return { sealedBytes: bytes(sealedDocs), plainBytes: bytes(plainDocs), info };
}

async function seedAll(
  server: CouchServer,
  cipher: Cipher,
  order: readonly number[],
  probe: RareWordProbe,
) {
  const started = performance.now();
  const library = await seedServer(
    [
      { couch: couchFor(server, SEALED_DB), cipher },
      { couch: couchFor(server, PLAIN_DB), cipher: plainCipher },
    ],
    order,
    (done) => process.stdout.write(`\rseeding the server: ${done} / ${ARTICLES} articles`),
    (article) => probe.count(article),
  );
  await seedServer(
    [
      { couch: couchFor(server, SEALED_SMALL_DB), cipher },
      { couch: couchFor(server, PLAIN_SMALL_DB), cipher: plainCipher },
    ],
    firstPushOrder(RATIO_ARTICLES),
    () => undefined,
  );
  console.log(
    ` and ${RATIO_ARTICLES} in two more databases (${seconds(performance.now() - started)}); ` +
      `${library.highlights} highlights`,
  );
  return library;
}

/** The engine, sealed and plain, in new profiles: the whole library once each, then smaller. */
async function measureEngine(seeded: SeededExtension, server: CouchServer, masterKey: string) {
  console.log('engine syncs into new profiles, sealed and plain…');
  const sealed = await engineRun(seeded, server, SEALED_DB, masterKey, ARTICLES);
  console.log(`  ${ARTICLES} sealed: ${seconds(sealed.ms)}`);
  const plain = await engineRun(seeded, server, PLAIN_DB, null, ARTICLES);
  console.log(`  ${ARTICLES} plain: ${seconds(plain.ms)}`);
  const small = { sealed: [] as number[], plain: [] as number[] };
  for (let run = 0; run < RATIO_RUNS; run += 1) {
    small.sealed.push(
      (await engineRun(seeded, server, SEALED_SMALL_DB, masterKey, RATIO_ARTICLES)).ms,
    );
    small.plain.push((await engineRun(seeded, server, PLAIN_SMALL_DB, null, RATIO_ARTICLES)).ms);
  }
  const smallRatio = quantile(small.sealed, 0.5) / quantile(small.plain, 0.5);
  console.log(
    `  ${RATIO_ARTICLES} sealed ${small.sealed.map(seconds).join(', ')}; plain ` +
      `${small.plain.map(seconds).join(', ')}`,
  );
  return {
    ratio: round(sealed.ms / plain.ms, 2),
    sealed: phases(sealed),
    plain: phases(plain),
    smaller: {
      articles: RATIO_ARTICLES,
      sealedMs: summary(small.sealed),
      plainMs: summary(small.plain),
      ratio: round(smallRatio, 2),
    },
  };
}

/** Settings → Sync in an empty profile, then saves, pulls and the convergence check in it. */
async function measureProfile(
  seeded: SeededExtension,
  server: CouchServer,
  cipher: Cipher,
  probeIndex: number,
  rare: { word: string; articles: number },
) {
  console.log('first sync through Settings (the background syncs)…');
  const profile = await newProfile(seeded, server);
  try {
    const initialMs = await turnOnSyncInSettings(profile, server.origin);
    const cards = await callSeedPage(profile.seedPage, 'cardCount');
    const found = await callSeedPage(profile.seedPage, 'searchArticleIds', rare.word);
    const search = {
      word: rare.word,
      articlesWithWord: rare.articles,
      found: found.length,
      findsItsArticle: found.includes(benchArticleId(probeIndex)),
    };
    console.log(
      `  ${seconds(initialMs)}: ${cards} cards; "${rare.word}" (in ${rare.articles} ` +
        `articles) finds ${found.length}, its article ${search.findsItsArticle ? 'among them' : 'NOT'}`,
    );
    const statusPage = await openTab(
      profile.session,
      `chrome-extension://${profile.session.extensionId}/options.html`,
    );
    console.log('toolbar saves until on the server…');
    const pushes = await timePushes(profile, server, cipher, statusPage);
    console.log('a title corrected on another device until on screen…');
    const replica = new NodeReplica(couchFor(server, SEALED_DB), cipher);
    const pulls = await timePulls(profile, replica, statusPage, pushes.newestId, PULL_RUNS);
    console.log('both devices edit one article, then every article is compared…');
    const converging = benchArticle(probeIndex === 0 ? 1 : probeIndex - 1).article;
    const convergence = await checkConvergence(
      profile,
      server,
      replica,
      statusPage,
      converging.id,
      converging.tags,
    );
    return { initialMs, cards, search, pushes: pushes.times, pulls, convergence };
  } finally {
    await profile.session.close();
  }
}

function report(results: {
  initialSync10kMs: number;
  encryptionOverhead: number;
  pushAfterSaveMs: { median: number; p95: number };
  pullOneChangeMs: { median: number; p95: number };
  serverBytesPerArticle: number;
  converged: boolean;
}) {
  const rows: [string, string, string][] = [
    ['initialSync10kMs', String(results.initialSync10kMs), TARGETS.initialSync10kMs],
    [
      'pushAfterSaveMs (median / p95)',
      `${results.pushAfterSaveMs.median} / ${results.pushAfterSaveMs.p95}`,
      TARGETS.pushAfterSaveMs,
    ],
    [
      'pullOneChangeMs (median / p95)',
      `${results.pullOneChangeMs.median} / ${results.pullOneChangeMs.p95}`,
      TARGETS.pullOneChangeMs,
    ],
    ['encryptionOverhead', String(results.encryptionOverhead), TARGETS.encryptionOverhead],
    ['serverBytesPerArticle', String(results.serverBytesPerArticle), TARGETS.serverBytesPerArticle],
    ['converged', String(results.converged), TARGETS.converged],
  ];
  const width = (column: 0 | 1 | 2) => Math.max(...rows.map((row) => row[column].length), 6);
  console.log(`\n${'figure'.padEnd(width(0))}  ${'value'.padStart(width(1))}  target`);
  for (const [name, value, target] of rows) {
    console.log(`${name.padEnd(width(0))}  ${value.padStart(width(1))}  ${target}`);
  }
}

/** Only the first sync through Settings, this many times, each in a new profile; printed. */
async function measureFirstSyncs(seeded: SeededExtension, server: CouchServer, runs: number) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const profile = await newProfile(seeded, server);
    try {
      times.push(await turnOnSyncInSettings(profile, server.origin));
      const cards = await callSeedPage(profile.seedPage, 'cardCount');
      console.log(`  first sync through Settings: ${seconds(times.at(-1) ?? 0)}, ${cards} cards`);
    } finally {
      await profile.session.close();
    }
  }
  const { median } = summary(times);
  console.log(`  median of ${runs}: ${seconds(median)}`);
}

/** The first sync through Settings, then saves, pulls and convergence; reports and writes. */
async function measureTheRest(
  seeded: SeededExtension,
  server: CouchServer,
  cipher: Cipher,
  engine: Awaited<ReturnType<typeof measureEngine>>,
  cpuProfile: Awaited<ReturnType<typeof profileEngineSync>> | null,
  size: ServerSize,
  library: Awaited<ReturnType<typeof seedAll>>,
  probeIndex: number,
  probe: RareWordProbe,
) {
  const profile = await measureProfile(seeded, server, cipher, probeIndex, probe.rarest());

  const push = summary(profile.pushes);
  const pull = summary(profile.pulls.map((marks) => marks.shown));
  const pullSteps = {
    syncStartedMs: summary(profile.pulls.map((marks) => marks.syncing ?? Number.NaN)),
    changeReceivedMs: summary(profile.pulls.map((marks) => marks.received ?? Number.NaN)),
    firstRowsMs: summary(profile.pulls.map((marks) => marks.firstRows ?? Number.NaN)),
  };
  const results = {
    initialSync10kMs: round(profile.initialMs),
    encryptionOverhead: engine.ratio,
    pushAfterSaveMs: push.median,
    pushAfterSaveP95Ms: push.p95,
    pullOneChangeMs: pull.median,
    pullOneChangeP95Ms: pull.p95,
    serverBytesPerArticle: round(size.sealedBytes / ARTICLES),
    converged: profile.convergence.converged,
    measuredAt: new Date().toISOString(),
    details: {
      library: { articles: ARTICLES, highlights: library.highlights },
      initialSync: {
        how:
          'Settings → Sync in a new profile: typed, "Turn on" clicked; timed from the click until ' +
          "the background's status is idle with nothing pending (polled every 100 ms)",
        ms: round(profile.initialMs),
        cards: profile.cards,
        search: profile.search,
      },
      engine: {
        how:
          "syncOnce in the seed page of the extension's copy, into its own database, each run in " +
          'a new profile; changesMs: inside _changes requests; openMs: inside AES-GCM decryption',
        ...engine,
      },
      pushAfterSave: {
        how: 'toolbar click on a fixture page until Node finds its document in _changes',
        ...push,
      },
      pullOneChange: {
        how:
          'Node corrects the newest title on the server; the library page opened (it asks for a ' +
          'pull) until the new title is painted, on the page clock from its navigation; steps: ' +
          "when the page heard the background's status say a sync started, and say the change " +
          'was received, and when the list first showed rows',
        ...pull,
        steps: pullSteps,
      },
      server: {
        sealedDocumentBytes: size.sealedBytes,
        plainDocumentBytes: size.plainBytes,
        plainBytesPerArticle: round(size.plainBytes / ARTICLES),
        databaseInfo: size.info,
      },
      convergence: profile.convergence,
      ...(cpuProfile ? { cpuProfile } : {}),
    },
  };
  report({
    ...results,
    pushAfterSaveMs: { median: push.median, p95: push.p95 },
    pullOneChangeMs: { median: pull.median, p95: pull.p95 },
  });
  mkdirSync(resolve(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(resolve(ROOT, 'bench/results/sync.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('written to bench/results/sync.json');
}

/** Every figure: the engine's syncs, then the first sync through Settings and the rest. */
async function measureAll(
  seeded: SeededExtension,
  server: CouchServer,
  cipher: Cipher,
  masterKey: string,
  library: Awaited<ReturnType<typeof seedAll>>,
  probeIndex: number,
  probe: RareWordProbe,
) {
  const size = await measureServer(server);
  // The engine first: the profile below adds its saves to the server.
  const engine = await measureEngine(seeded, server, masterKey);
  const cpuProfile = PROFILE ? await profileEngineSync(seeded, server, masterKey) : null;
  if (ENGINE_ONLY) console.log(JSON.stringify(engine.sealed, null, 1));
  else
    await measureTheRest(
      seeded,
      server,
      cipher,
      engine,
      cpuProfile,
      size,
      library,
      probeIndex,
      probe,
    );
}

// The extension first: it fails without a build, and then no server is left running.
const seeded = await buildSeededExtension();
// CORS on (PouchDB Server's default): the seed page reaches the server without site access,
// which Chromium grants an extension page only through a request made in a user's click.
const server = await startCouchServer();
try {
  for (const name of [SEALED_DB, PLAIN_DB, SEALED_SMALL_DB, PLAIN_SMALL_DB]) {
    await couchFor(server, name).ensureDatabase();
  }
  const { vault, master } = await createVault(PASSPHRASE);
  if (!(await couchFor(server, SEALED_DB).put(vault))) throw new Error('no vault written');
  const cipher = await aesGcmCipher(master);
  const masterKey = toBase64(master);
  const order = firstPushOrder(ARTICLES);
  // The probe: the last article to arrive in a language with spaces between words.
  const probeIndex = order.findLast((index) => index % 10 !== 9) ?? 0;
  const probe = new RareWordProbe(benchArticle(probeIndex).article);
  const library = await seedAll(server, cipher, order, probe);
  if (FIRST_SYNCS > 0) await measureFirstSyncs(seeded, server, FIRST_SYNCS);
  else await measureAll(seeded, server, cipher, masterKey, library, probeIndex, probe);
} finally {
  await seeded.remove();
  await server.close();
}
