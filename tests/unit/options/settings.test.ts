import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A storage.local that keeps values as the browser does: copied in and out, never shared. */
function createFakeStorage() {
  const area = new Map<string, unknown>();
  return {
    area,
    browser: {
      storage: {
        local: {
          get: async (key: string) =>
            area.has(key) ? { [key]: structuredClone(area.get(key)) } : {},
          set: async (items: Record<string, unknown>) => {
            for (const [key, value] of Object.entries(items)) area.set(key, structuredClone(value));
          },
        },
      },
    },
  };
}

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../../src/platform/browser.ts', () => ({
  get browser() {
    return fake.current;
  },
}));

const { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, readSettings, writeSettings } =
  await import('../../../src/shared/settings.ts');

let storage: ReturnType<typeof createFakeStorage>;

beforeEach(() => {
  storage = createFakeStorage();
  fake.current = storage.browser;
});

describe('settings', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual({
      defaultHighlightColour: 'yellow',
      toolbarAction: 'save',
      backupEveryDays: 0,
      backupKeep: 7,
    });
    expect(storage.area.size).toBe(0);
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
    expect(storage.area.get(SETTINGS_KEY)).toEqual(expected);
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
    storage.area.set(SETTINGS_KEY, {
      defaultHighlightColour: 'pink',
      toolbarAction: 42,
      backupKeep: -3,
    });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, defaultHighlightColour: 'pink' });
    storage.area.set(SETTINGS_KEY, 'not an object');
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ toolbarAction: 'open-list', extra: true })).toEqual({
      ...DEFAULT_SETTINGS,
      toolbarAction: 'open-list',
    });
  });

  it('returns a fresh object each time, never the frozen defaults', async () => {
    const settings = await readSettings();
    expect(Object.isFrozen(settings)).toBe(false);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
  });
});
