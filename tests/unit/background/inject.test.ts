import { beforeEach, describe, expect, it } from 'vitest';
import { runInTab } from '../../../src/background/inject.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let browser: FakePlatform;
beforeEach(() => {
  browser = installFakePlatform();
});

describe('runInTab', () => {
  it('reports a page whose markup made extraction throw', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/',
      page: { extract: () => ({ extractionFailed: 'boom' }) },
    });
    await expect(runInTab(tab.id, 'extract')).rejects.toMatchObject({
      code: 'unreadable-page',
      detail: 'boom',
    });
  });

  it('gives up on a page that never answers, within the bound', async () => {
    const tab = browser.tabs.open({ url: 'https://x.example/', frozen: true });
    // Without the bound this would never settle and the test would time out.
    await expect(runInTab(tab.id, 'extract', 50)).rejects.toMatchObject({ code: 'page-timeout' });
  });

  it('reads a page that never finishes loading: it injects at once, not at the load', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/',
      loading: true,
      page: { extract: () => makeSnapshot() },
    });
    expect(await runInTab(tab.id, 'extract', 1_000)).toMatchObject({ title: 'A story' });
    expect(browser.tabs.state(tab.id).injected).toEqual(['content.js']);
  });

  it('says it could not read a page where the bundle gave no answer', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/',
      page: { extract: () => undefined },
    });
    await expect(runInTab(tab.id, 'extract')).rejects.toMatchObject({ code: 'cannot-access' });
  });

  it('checks a selection against the in-tab protocol, its article included', async () => {
    const selector = [
      { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' paragraph' },
      { type: 'TextPositionSelector', start: 4, end: 9 },
    ];
    const answer = (snapshot: unknown) => ({ kind: 'highlight', snapshot, selector });
    const good = browser.tabs.open({ page: { captureSelection: () => answer(makeSnapshot()) } });
    expect(await runInTab(good.id, 'captureSelection')).toMatchObject({ kind: 'highlight' });
    const huge = makeSnapshot({ contentHtml: 'x'.repeat(20_000_001) });
    const tooLarge = browser.tabs.open({ page: { captureSelection: () => answer(huge) } });
    await expect(runInTab(tooLarge.id, 'captureSelection')).rejects.toMatchObject({
      code: 'page-too-large',
      detail: 'snapshot.contentHtml is over the limit',
    });
  });
});
