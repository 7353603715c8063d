/**
 * One Firefox with Margins and one fixture server per test file, as chromium-suite.ts does for
 * Chromium: started before its tests, closed after the file. Firefox's toolbar button cannot be
 * pressed from a driver, so the suite drives Margins from the library tab it opens on install,
 * after granting it the site access the file asks for (by a real click in that tab, as a user
 * would).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Reply, SaveOutcome } from '../../../src/shared/protocol.ts';
import {
  findWelcomePage,
  grantSiteAccess,
  launchFirefox,
  requestSave,
  type FirefoxSession,
} from './firefox.ts';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';

/** The fixture server's origin, for the files that only save fixture pages. */
export const FIXTURE_SITE_ACCESS = 'http://127.0.0.1/*';

export interface FirefoxSuiteOptions {
  /** Origin patterns granted before the tests run; none by default. */
  siteAccess?: readonly string[];
}

export interface StartedFirefoxSuite {
  server: FixtureServer;
  session: FirefoxSession;
  /** Margins' library tab (popup.html?view=tab&welcome=1), which has the full `browser.*` API. */
  library: Page;
}

export interface FirefoxSuite {
  /** The running browser, server and library tab; throws if the suite failed to start. */
  started(): StartedFirefoxSuite;
  /**
   * Opens a fixture page in a new tab and asks Margins to save it with the popup's own request
   * (site access for it must have been granted).
   */
  saveFixturePage(page: string): Promise<{ tab: Page; url: string; reply: Reply<SaveOutcome> }>;
}

export function useFirefoxSuite({ siteAccess = [] }: FirefoxSuiteOptions = {}): FirefoxSuite {
  let running: StartedFirefoxSuite | undefined;
  let server: FixtureServer | undefined;
  let session: FirefoxSession | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchFirefox();
    const library = await findWelcomePage(session);
    for (const pattern of siteAccess) {
      if (!(await grantSiteAccess(library, pattern))) {
        throw new Error(`site access to ${pattern} was not granted`);
      }
    }
    running = { server, session, library };
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const started = (): StartedFirefoxSuite => {
    if (!running) throw new Error('the suite did not start');
    return running;
  };
  return {
    started,
    async saveFixturePage(page) {
      const { server, session, library } = started();
      const url = server.url(page);
      const tab = await session.browser.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      return { tab, url, reply: await requestSave(library, url) };
    },
  };
}
