import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeBrowser } from '../helpers/fake-browser.ts';

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../../src/platform/browser.ts', () => ({
  get browser() {
    return fake.current;
  },
}));

const { EXTRACT, runInTab } = await import('../../../src/background/inject.ts');

let world: ReturnType<typeof createFakeBrowser>;
beforeEach(() => {
  world = createFakeBrowser();
  fake.current = world.browser;
});

describe('runInTab', () => {
  it('reports a page whose markup made extraction throw', async () => {
    world.tabs.set(1, {
      id: 1,
      url: 'https://x.example/',
      extraction: { extractionFailed: 'boom' },
    });
    await expect(runInTab(1, EXTRACT)).rejects.toMatchObject({
      code: 'unreadable-page',
      detail: 'boom',
    });
  });

  it('gives up on a page that never answers, within the bound', async () => {
    world.browser.scripting.executeScript = () => new Promise(() => undefined);
    // Without the bound this would never settle and the test would time out.
    await expect(runInTab(1, EXTRACT, 50)).rejects.toMatchObject({ code: 'page-timeout' });
  });

  it('injects at once rather than waiting for the page to finish loading', async () => {
    const calls: unknown[] = [];
    world.tabs.set(2, { id: 2, url: 'https://x.example/', extraction: 'ok' });
    const original = world.browser.scripting.executeScript;
    world.browser.scripting.executeScript = (details) => {
      calls.push(details);
      return original(details);
    };
    await runInTab(2, EXTRACT);
    expect(calls).toEqual([
      expect.objectContaining({ injectImmediately: true, files: ['content.js'] }),
      expect.objectContaining({ injectImmediately: true, func: EXTRACT }),
    ]);
  });
});
