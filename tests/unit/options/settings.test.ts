import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  readSettings,
  SETTINGS_KEY,
  writeSettings,
} from '../../../src/shared/settings.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';

let browser: FakePlatform;
beforeEach(() => {
  browser = installFakePlatform();
});

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual({
      defaultHighlightColour: 'yellow',
      toolbarAction: 'save',
      backupEveryDays: 0,
      backupKeep: 7,
      revisitHighlights: true,
      keepImagesFromAllSites: false,
    });
    expect(browser.storage.local.keys()).toEqual([]);
  });

  it('writes a change, keeps the other settings and reads it back', async () => {
    expect(await writeSettings({ toolbarAction: 'open-list' })).toEqual({
      ...DEFAULT_SETTINGS,
      toolbarAction: 'open-list',
    });
    await writeSettings({ defaultHighlightColour: 'green' });
    const expected = {
      ...DEFAULT_SETTINGS,
      defaultHighlightColour: 'green',
      toolbarAction: 'open-list',
    };
    expect(await readSettings()).toEqual(expected);
    expect(await browser.storage.local.get(SETTINGS_KEY)).toEqual({ [SETTINGS_KEY]: expected });
  });

  it('refuses an invalid value and writes nothing', async () => {
    await writeSettings({ defaultHighlightColour: 'blue' });
    const bad = { defaultHighlightColour: 'purple' } as unknown as Parameters<
      typeof writeSettings
    >[0];
    await expect(writeSettings(bad)).rejects.toThrow();
    const unknownKey = { theme: 'dark' } as unknown as Parameters<typeof writeSettings>[0];
    await expect(writeSettings(unknownKey)).rejects.toThrow();
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, defaultHighlightColour: 'blue' });
  });

  it('reads a damaged or partial stored value field by field, falling back to defaults', async () => {
    await browser.storage.local.set({
      [SETTINGS_KEY]: { defaultHighlightColour: 'pink', toolbarAction: 42, backupKeep: -3 },
    });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, defaultHighlightColour: 'pink' });
    await browser.storage.local.set({ [SETTINGS_KEY]: 'not an object' });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ toolbarAction: 'open-list', extra: true })).toEqual({
      ...DEFAULT_SETTINGS,
      toolbarAction: 'open-list',
    });
  });

  it('announces a change to the other contexts, and only a change', async () => {
    // The background reschedules the backup alarm on this event.
    const announced: unknown[] = [];
    browser.storage.onChanged.addListener((changes, area) => {
      announced.push([area, Object.keys(changes)]);
    });
    await writeSettings({ backupEveryDays: 7 });
    await writeSettings({ backupEveryDays: 7 });
    expect(announced).toEqual([['local', [SETTINGS_KEY]]]);
  });

  it('returns a fresh object each time, never the frozen defaults', async () => {
    const settings = await readSettings();
    expect(Object.isFrozen(settings)).toBe(false);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
  });
});
