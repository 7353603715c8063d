/**
 * Driving sync from Margins' Settings page the way a user does, in either browser: the Sync
 * section's fields are typed into, "Turn on" and "Sync now" are clicked, and what the page and
 * the background report is read back (the status the background keeps in storage.local, the
 * records in the library's IndexedDB).
 */
import type { Page } from 'puppeteer-core';
import type { Annotation } from '../../../src/shared/annotation.ts';
import {
  isSyncRunning,
  parseSyncStatus,
  SYNC_STATUS_KEY,
  type SyncStatus,
} from '../../../src/shared/sync-status.ts';
import {
  DB_NAME,
  readRowsInExtension,
  STORE_NAME,
  withoutUrlKeys,
  type StoredRow,
} from './records.ts';
import { waitFor } from './util.ts';

export interface SyncFields {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

const FIELD_INPUTS: Record<keyof SyncFields, string> = {
  serverUrl: '#sync-server',
  database: '#sync-database',
  username: '#sync-username',
  password: '#sync-password',
  passphrase: '#sync-passphrase',
};

/** How a page reaches the extension API: `browser` in Firefox, `chrome` in Chromium. */
type StorageGlobal = typeof globalThis & {
  browser?: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
  chrome?: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
};

/** The sync status the background keeps, read from a Margins page. */
export async function readSyncStatus(page: Page): Promise<SyncStatus> {
  const stored = await page.evaluate(async (key) => {
    const api = (globalThis as StorageGlobal).browser ?? (globalThis as StorageGlobal).chrome;
    if (!api) throw new Error('not an extension page');
    return (await api.storage.local.get(key))[key];
  }, SYNC_STATUS_KEY);
  return parseSyncStatus(stored);
}

/** Replaces what a field holds with `value`, typed as a user types. */
async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.click(selector);
  await page.$eval(selector, (input) => {
    (input as HTMLInputElement).select();
  });
  await page.keyboard.press('Backspace');
  if (value) await page.type(selector, value);
  const shown = await page.$eval(selector, (input) => (input as HTMLInputElement).value);
  if (shown !== value) throw new Error(`${selector} holds "${shown}", not "${value}"`);
}

/** Waits until the Settings page's Sync section is there (the page renders after its reads). */
async function waitForSyncSection(page: Page): Promise<void> {
  await page.waitForSelector('#sync-server', { timeout: 15_000 });
}

/** Fills the Sync section's fields. */
export async function fillSyncForm(page: Page, fields: SyncFields): Promise<void> {
  await page.bringToFront();
  await waitForSyncSection(page);
  for (const [name, selector] of Object.entries(FIELD_INPUTS)) {
    await typeInto(page, selector, fields[name as keyof SyncFields]);
  }
}

/** The error the page shows in its alert, or '' when none is shown. */
export function shownSyncError(page: Page): Promise<string> {
  return page.evaluate(() => {
    const alert = document.querySelector<HTMLElement>('#sync-error');
    if (!alert || alert.hidden || alert.closest('[hidden]')) return '';
    return alert.textContent?.trim() ?? '';
  });
}

export type TurnOnOutcome = { ok: true; status: SyncStatus } | { ok: false; error: string };

/**
 * Fills the form and clicks "Turn on" (the page asks the browser for the server's site access,
 * then the background checks the server, the database and the passphrase). Returns once the
 * page shows the outcome: sync on with a first sync done, or the error it shows.
 */
export async function turnOnSync(page: Page, fields: SyncFields): Promise<TurnOnOutcome> {
  await fillSyncForm(page, fields);
  const before = await readSyncStatus(page);
  await page.click('#sync-enable');
  return waitFor(
    'sync to be turned on, or an error on the page',
    async (): Promise<TurnOnOutcome | undefined> => {
      const error = await shownSyncError(page);
      if (error) return { ok: false, error };
      const status = await readSyncStatus(page);
      const synced =
        status.enabled &&
        status.state === 'idle' &&
        status.lastSuccessAt !== null &&
        status.lastSuccessAt !== before.lastSuccessAt;
      return synced ? { ok: true, status } : undefined;
    },
    30_000,
    200,
  );
}

/**
 * Waits until the status the background keeps satisfies `done`; on timeout the error says what
 * the status was.
 */
export async function waitForStatus(
  page: Page,
  what: string,
  done: (status: SyncStatus) => boolean,
  timeoutMs = 30_000,
): Promise<SyncStatus> {
  let last: SyncStatus | undefined;
  try {
    return await waitFor(
      what,
      async () => {
        last = await readSyncStatus(page);
        return done(last) ? last : undefined;
      },
      timeoutMs,
      100,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}; the sync status was ${JSON.stringify(last)}`);
  }
}

/**
 * Waits until a sync finished after `since` (an ISO time), and returns its status; a sync that
 * failed since then throws with the error it recorded.
 */
export async function waitForSyncAfter(
  page: Page,
  since: string,
  timeoutMs = 30_000,
): Promise<SyncStatus> {
  const status = await waitForStatus(
    page,
    `a sync after ${since}`,
    (current) =>
      (current.state === 'error' && current.error !== null && current.error.at > since) ||
      (current.state === 'idle' && current.lastSuccessAt !== null && current.lastSuccessAt > since),
    timeoutMs,
  );
  if (status.error && status.state === 'error') {
    throw new Error(`the sync failed: ${status.error.code}: ${status.error.detail}`);
  }
  return status;
}

/** Waits until the changes made on this device have reached the server (the automatic send). */
export function waitForNothingPending(page: Page, since: string): Promise<SyncStatus> {
  return waitForStatus(
    page,
    'local changes to be sent',
    (status) =>
      status.state === 'idle' &&
      status.pending === 0 &&
      status.lastSuccessAt !== null &&
      status.lastSuccessAt > since,
  );
}

/**
 * Clicks "Sync now" once the page offers it (not while a sync runs). The tab comes to the front
 * first, as the user switches to it: a hidden tab draws no frames, and a click waits for one.
 */
export async function pressSyncNow(page: Page): Promise<void> {
  await page.bringToFront();
  const button = await page.waitForSelector('#sync-now:not([disabled])', { timeout: 30_000 });
  await button?.click();
}

/**
 * Clicks "Sync now" and waits until a sync that started after the click (or after the sync
 * running before it) is over; returns its status. A sync already running is waited for first, so
 * the one that is waited for began after whatever the test did before.
 */
export async function clickSyncNow(page: Page): Promise<SyncStatus> {
  await waitForStatus(
    page,
    'the running sync to end',
    (status) => !isSyncRunning(status, Date.now()),
  );
  const since = new Date().toISOString();
  await pressSyncNow(page);
  return waitForSyncAfter(page, since);
}

/**
 * Clicks "Sync now" while the sync cannot succeed: waits until the background recorded a failure
 * after the click and the page shows `expected`. Throws with what the page shows otherwise.
 */
export async function clickSyncNowExpectingError(page: Page, expected: string): Promise<void> {
  const since = new Date().toISOString();
  await pressSyncNow(page);
  await waitForStatus(
    page,
    'the sync to fail',
    (status) => status.state === 'error' && status.error !== null && status.error.at >= since,
  );
  let shown = '';
  await waitFor(`the page to show "${expected}"`, async () => {
    shown = await shownSyncError(page);
    return shown === expected;
  }).catch(() => {
    throw new Error(`the page shows "${shown}", not "${expected}"`);
  });
}

/** A library as stored: its articles (without derived lookup keys) and annotations, by id. */
export interface StoredLibrary {
  articles: Omit<StoredRow, 'urlKeys'>[];
  annotations: Annotation[];
}

function byId<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every article and annotation a Margins page's IndexedDB holds, read with raw IndexedDB. */
export async function readStoredLibrary(page: Page): Promise<StoredLibrary> {
  const articles = (await page.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
  const annotations = (await page.evaluate(
    readRowsInExtension,
    DB_NAME,
    'annotations',
  )) as Annotation[];
  return { articles: byId(articles.map(withoutUrlKeys)), annotations: byId(annotations) };
}
