/**
 * A copy of the built Chromium extension with one extra page, `seed.html` (from
 * tests/e2e/seed/seed-page.ts), that fills the library through Margins' own storage code and
 * times its read code. Used by the large-collection e2e and `npm run bench:scale`; the product
 * build never contains it, and the copy has exactly the product's manifest and permissions.
 */
import { cp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';
import type { SeedPageApi } from '../seed/seed-page.ts';
import type { ChromiumSession } from './chromium.ts';
import { builtExtension, makeTempDir } from './util.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface SeededExtension {
  dir: string;
  remove(): Promise<void>;
}

/**
 * `keepAt`: build into this directory instead of a temporary one, and keep it, so a browser
 * profile kept between runs finds the same extension (its id comes from its path).
 */
export async function buildSeededExtension(keepAt?: string): Promise<SeededExtension> {
  const dir = keepAt ?? (await makeTempDir('margins-seeded-'));
  if (keepAt) await rm(dir, { recursive: true, force: true });
  await cp(builtExtension('chrome'), dir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: join(ROOT, 'tests/e2e/seed/seed-page.ts'),
        formats: ['iife'],
        name: 'MarginsSeedPage',
        fileName: () => 'seed.js',
      },
    },
  });
  await writeFile(
    join(dir, 'seed.html'),
    '<!doctype html>\n<meta charset="utf-8">\n<title>seed</title>\n<script src="seed.js"></script>\n',
  );
  return {
    dir,
    remove: keepAt ? () => Promise.resolve() : () => rm(dir, { recursive: true, force: true }),
  };
}

/** Opens the seed page and waits until its API is there. */
export async function openSeedPage(session: ChromiumSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/seed.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.title === 'seed ready');
  return page;
}

/** Calls one function of the seed page's API in the page and returns its answer. */
export function callSeedPage<K extends keyof SeedPageApi>(
  page: Page,
  name: K,
  ...args: Parameters<SeedPageApi[K]>
): Promise<Awaited<ReturnType<SeedPageApi[K]>>> {
  return page.evaluate(
    (fn, fnArgs) =>
      (
        (globalThis as unknown as { marginsSeed: Record<string, (...a: unknown[]) => unknown> })
          .marginsSeed[fn] as (...a: unknown[]) => unknown
      )(...fnArgs),
    name,
    args as unknown[],
  ) as Promise<Awaited<ReturnType<SeedPageApi[K]>>>;
}
