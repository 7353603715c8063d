import { beforeEach, describe, expect, it } from 'vitest';
import { EXTRACT, runInTab } from '../../../src/background/inject.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';

let browser: FakePlatform;
beforeEach(() => {
  browser = installFakePlatform();
});

describe('runInTab', () => {
  it('reports a page whose markup made extraction throw', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/',
      contentScript: { __marginsExtract: () => ({ extractionFailed: 'boom' }) },
    });
    await expect(runInTab(tab.id, EXTRACT)).rejects.toMatchObject({
      code: 'unreadable-page',
      detail: 'boom',
    });
  });

  it('gives up on a page that never answers, within the bound', async () => {
    const tab = browser.tabs.open({ url: 'https://x.example/', frozen: true });
    // Without the bound this would never settle and the test would time out.
    await expect(runInTab(tab.id, EXTRACT, 50)).rejects.toMatchObject({ code: 'page-timeout' });
  });

  it('reads a page that never finishes loading: it injects at once, not at the load', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/',
      loading: true,
      contentScript: { __marginsExtract: () => 'read' },
    });
    expect(await runInTab(tab.id, EXTRACT, 1_000)).toBe('read');
    expect(browser.tabs.state(tab.id).injected).toEqual(['content.js']);
  });
});
