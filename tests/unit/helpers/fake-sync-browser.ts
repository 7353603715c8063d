/**
 * The browser as Margins' sync pages meet it, in memory: a `storage.local` that copies values and
 * fires `onChanged`, permissions that are really granted (or refused, or that throw as a browser
 * does outside a user gesture), the real English catalogue, and a background that answers the
 * sync requests by writing the status the way the real one does. Every call is logged in order.
 */
import type { ErrorCode, Request } from '../../../src/shared/protocol.ts';
import { SYNC_OFF, SYNC_STATUS_KEY, type SyncStatus } from '../../../src/shared/sync-status.ts';
import { catalogueI18n } from './catalogue.ts';

type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

/** How the browser answers a permission request. */
export type PermissionAnswer = 'grant' | 'refuse' | 'throw';

/** What the fake background does with a sync request: the status it writes, or an error reply. */
export type BackgroundAnswer = SyncStatus | { replyError: ErrorCode };

export function createFakeSyncBrowser() {
  const area = new Map<string, unknown>();
  const listeners = new Set<ChangeListener>();
  const granted = new Set<string>();
  const log: string[] = [];
  const sent: Request[] = [];
  const control = {
    permissionAnswer: 'grant' as PermissionAnswer,
    /** Decides the background's answer to each request; the default grants what it is asked. */
    background: (message: Request): BackgroundAnswer | { started: boolean } => {
      if (message.type === 'sync-enable') {
        return {
          ...SYNC_OFF,
          enabled: true,
          serverUrl: message.account.serverUrl,
          database: message.account.database,
          username: message.account.username || null,
        };
      }
      if (message.type === 'sync-disable') return SYNC_OFF;
      if (message.type === 'sync-pull') return { started: false };
      return storedStatus();
    },
  };

  const set = async (items: Record<string, unknown>) => {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: structuredClone(area.get(key)), newValue: structuredClone(value) };
      area.set(key, structuredClone(value));
    }
    for (const listener of listeners) listener(structuredClone(changes), 'local');
  };

  function storedStatus(): SyncStatus {
    return (area.get(SYNC_STATUS_KEY) as SyncStatus | undefined) ?? SYNC_OFF;
  }

  const browser = {
    i18n: catalogueI18n({ locale: 'en' }),
    storage: {
      local: {
        get: async (key: string) =>
          area.has(key) ? { [key]: structuredClone(area.get(key)) } : {},
        set,
      },
      onChanged: {
        addListener: (listener: ChangeListener) => listeners.add(listener),
        removeListener: (listener: ChangeListener) => listeners.delete(listener),
      },
    },
    permissions: {
      request: async ({ origins }: { origins: string[] }) => {
        log.push(`permissions.request ${origins.join(' ')}`);
        if (control.permissionAnswer === 'throw') {
          throw new Error('This function must be called during a user gesture');
        }
        if (control.permissionAnswer === 'refuse') return false;
        for (const origin of origins) granted.add(origin);
        return true;
      },
      contains: async ({ origins }: { origins: string[] }) => {
        log.push(`permissions.contains ${origins.join(' ')}`);
        return origins.every((origin) => granted.has(origin));
      },
    },
    runtime: {
      getURL: (path: string) => `chrome-extension://margins-test-id/${path}`,
      openOptionsPage: async () => {
        log.push('openOptionsPage');
      },
      sendMessage: async (message: Request) => {
        log.push(`send ${message.type}`);
        sent.push(structuredClone(message));
        const answer = control.background(message);
        if ('replyError' in answer) {
          return { ok: false, error: { code: answer.replyError, detail: '' } };
        }
        if ('enabled' in answer) await set({ [SYNC_STATUS_KEY]: answer });
        return { ok: true, value: answer };
      },
    },
  };

  return {
    browser,
    control,
    granted,
    log,
    sent,
    /** Writes a status as the background does while it syncs. */
    writeStatus: (status: SyncStatus) => set({ [SYNC_STATUS_KEY]: status }),
    storedStatus,
  };
}

export type FakeSyncBrowser = ReturnType<typeof createFakeSyncBrowser>;
