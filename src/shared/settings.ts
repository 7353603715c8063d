/**
 * The user's preferences, kept in `storage.local` under one key. Whatever is stored is checked
 * field by field: a missing or invalid value (an older version, a hand-edited profile) falls back
 * to its default instead of breaking the page that reads it.
 */
import * as v from 'valibot';
import { browser } from '../platform/browser.ts';
import { HighlightColourSchema } from './annotation.ts';

export const TOOLBAR_ACTIONS = ['save', 'open-list'] as const;
export const ToolbarActionSchema = v.picklist(TOOLBAR_ACTIONS);
export type ToolbarAction = v.InferOutput<typeof ToolbarActionSchema>;

export const DEFAULT_SETTINGS = Object.freeze({
  /** The colour the reader offers first, and uses for the "h" shortcut. */
  defaultHighlightColour: 'yellow',
  /** What the toolbar button does: save the page at once, or only open the list. */
  toolbarAction: 'save',
  /** Automatic backup to the downloads folder every so many days; 0 is off (the default). */
  backupEveryDays: 0,
  /** How many backup files to keep; older ones are deleted after each new backup. */
  backupKeep: 7,
  /**
   * Highlights shown on pages the user revisits, while site access to every site is granted.
   * True by default so a library that had the access for it keeps the feature; turning on
   * another feature that needs the same access sets it false first if it was not in use.
   */
  revisitHighlights: true,
  /** "Keep images with saved articles" from every site (the same site access). */
  keepImagesFromAllSites: false,
} as const);

export const BACKUP_INTERVALS = [0, 1, 7] as const;
const BackupEveryDaysSchema = v.picklist(BACKUP_INTERVALS);
const BackupKeepSchema = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60));

export const SettingsSchema = v.object({
  defaultHighlightColour: v.fallback(
    HighlightColourSchema,
    DEFAULT_SETTINGS.defaultHighlightColour,
  ),
  toolbarAction: v.fallback(ToolbarActionSchema, DEFAULT_SETTINGS.toolbarAction),
  backupEveryDays: v.fallback(BackupEveryDaysSchema, DEFAULT_SETTINGS.backupEveryDays),
  backupKeep: v.fallback(BackupKeepSchema, DEFAULT_SETTINGS.backupKeep),
  revisitHighlights: v.fallback(v.boolean(), DEFAULT_SETTINGS.revisitHighlights),
  keepImagesFromAllSites: v.fallback(v.boolean(), DEFAULT_SETTINGS.keepImagesFromAllSites),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const SettingsPatchSchema = v.partial(
  v.strictObject({
    defaultHighlightColour: HighlightColourSchema,
    toolbarAction: ToolbarActionSchema,
    backupEveryDays: BackupEveryDaysSchema,
    backupKeep: BackupKeepSchema,
    revisitHighlights: v.boolean(),
    keepImagesFromAllSites: v.boolean(),
  }),
);
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

/** The storage.local key the settings live under. */
export const SETTINGS_KEY = 'settings';

/** Reads stored settings into a whole, valid object; anything unusable reads as the default. */
export function parseSettings(stored: unknown): Settings {
  const object = typeof stored === 'object' && stored !== null ? stored : {};
  return v.parse(SettingsSchema, object);
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/**
 * Changes some settings and keeps the rest. An invalid value is refused (it throws a valibot
 * error) and nothing is written. Returns the settings as now stored.
 */
export async function writeSettings(patch: SettingsPatch): Promise<Settings> {
  const valid = v.parse(SettingsPatchSchema, patch);
  const next: Settings = { ...(await readSettings()), ...valid };
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
