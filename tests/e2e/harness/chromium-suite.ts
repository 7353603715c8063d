/**
 * One Chromium with Margins and one fixture server per test file: started before its tests,
 * pages the tests opened closed after each test, everything closed after the file.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

export interface ChromiumSuite {
  /** The running browser and server; throws if the suite failed to start. */
  started(): { server: FixtureServer; session: ChromiumSession };
  /** Pages to close once the current test is over. */
  opened: Page[];
}

export function useChromiumSuite(): ChromiumSuite {
  let server: FixtureServer | undefined;
  let session: ChromiumSession | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return {
    opened,
    started() {
      if (!server || !session) throw new Error('the suite did not start');
      return { server, session };
    },
  };
}
