/** Shared bits of the e2e harness: repository paths, the build check and a polling wait. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

/** The unpacked extension for a browser; fails with a clear message when it was not built. */
export function builtExtension(target: 'chrome' | 'firefox'): string {
  const dir = join(ROOT, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(
      `${dir}/manifest.json is missing: run \`npm run build\` before the e2e suites.`,
    );
  }
  return dir;
}

/** Polls `probe` until it returns something other than undefined/null/false, or times out. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Closes a browser, then removes its downloads directory, even when closing fails. */
export async function closeAndClean(
  browser: { close(): Promise<void> },
  dir: string,
): Promise<void> {
  try {
    await browser.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until a finished file whose name matches `pattern` is in `dir`, and returns its text. */
export async function waitForDownload(dir: string, pattern: RegExp, timeoutMs = 15_000) {
  const name = await waitFor(
    `a download matching ${pattern} in ${dir}`,
    async () => (await readdir(dir)).find((file) => pattern.test(file)),
    timeoutMs,
  );
  // Both browsers write to a temporary name and rename when done; parse to be sure it is whole.
  const text = await waitFor(`${name} to be complete JSON`, async () => {
    const content = await readFile(join(dir, name), 'utf8');
    JSON.parse(content);
    return content;
  });
  return { name, text };
}

/**
 * Sets `page`'s viewport. Puppeteer sends a screen orientation alongside the viewport over WebDriver
 * BiDi, a command Firefox ESR 140 does not know ("unknown command
 * emulation.setScreenOrientationOverride"). The two are sent together and that refusal can come
 * back before the viewport is applied, so it is let through once the page reports the size asked.
 */
export async function setViewportSize(page: Page, width: number, height: number): Promise<void> {
  try {
    await page.setViewport({ width, height });
  } catch (error) {
    if (!String(error).includes('emulation.setScreenOrientationOverride')) throw error;
    await waitFor(`the viewport to become ${width}×${height} (${String(error)})`, async () => {
      const [shownWidth, shownHeight] = await page.evaluate(() => [innerWidth, innerHeight]);
      return shownWidth === width && shownHeight === height;
    });
  }
}
