import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '../../platform/browser.ts';
import { errorMessage, formatCount, plural, t, uiLanguage } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { MarginsError } from '../../shared/protocol.ts';
import type { SyncStatus } from '../../shared/sync-status.ts';
import { lastSyncedText, syncErrorMessage, syncPhase } from '../../ui/sync-text.ts';
import { useNow, useSyncStatus } from '../../ui/use-sync-status.ts';
import {
  checkSyncForm,
  DEFAULT_DATABASE,
  type SyncField,
  type SyncFieldProblems,
  type SyncFormFields,
} from '../sync-form.ts';
import { SyncForm } from './SyncForm.tsx';

/**
 * Asks for site access to the sync server. The request must be the first thing the click does
 * (browsers only ask within the user's own gesture); where the browser will not ask, access
 * already held still counts.
 */
async function allowServer(originPattern: string): Promise<boolean> {
  const wanted = { origins: [originPattern] };
  try {
    return await browser.permissions.request(wanted);
  } catch {
    return browser.permissions.contains(wanted);
  }
}

function failureText(error: unknown): string {
  return errorMessage(error instanceof MarginsError ? error.code : 'unknown');
}

function emptyFields(status: SyncStatus | null): SyncFormFields {
  return {
    serverUrl: status?.serverUrl ?? '',
    database: status?.database ?? DEFAULT_DATABASE,
    username: status?.username ?? '',
    password: '',
    passphrase: '',
  };
}

/** The status line while sync is on: running with counts, or when it last succeeded and what waits. */
function StatusLine({ status, now }: { status: SyncStatus; now: number }) {
  const language = uiLanguage();
  if (syncPhase(status, now) === 'syncing')
    return <>{t('sync_running', [formatCount(status.received), formatCount(status.sent)])}</>;
  return (
    <>
      {status.lastSuccessAt ? lastSyncedText(status.lastSuccessAt, now, language) : t('sync_never')}
      {status.pending > 0 && (
        <span class="sync-pending"> · {plural('sync_pending', status.pending)}</span>
      )}
      {status.unreadable > 0 && (
        <span class="sync-unreadable"> · {plural('sync_unreadable', status.unreadable)}</span>
      )}
    </>
  );
}

/**
 * Settings → Sync. Off: what sync does, and the form that turns it on (site access to that one
 * server is asked for first, then the background checks the server, the database and the
 * passphrase). On: where it syncs, how the last sync went, "Sync now" and "Turn off".
 */
export function SyncSection() {
  const [status, show] = useSyncStatus();
  const now = useNow(15_000);
  const [fields, setFields] = useState<SyncFormFields | null>(null);
  const [problems, setProblems] = useState<SyncFieldProblems>({});
  const [refusals, setRefusals] = useState(0);
  /** The request this page is waiting for, if any. */
  const [busy, setBusy] = useState<'enable' | 'sync' | 'disable' | null>(null);
  /** What the page itself has to say (checking, turned off) and what failed. */
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  // The form starts from the last account tried, if any (never its password or passphrase).
  useEffect(() => {
    if (status && fields === null) setFields(emptyFields(status));
  }, [status, fields]);

  // A request that failed because the worker stopped under it is resumed by the woken worker:
  // once a sync succeeds after it, the page's own failure is no longer true.
  useEffect(() => setFailure(''), [status?.lastSuccessAt]);

  // The button that was pressed disappears with the view it was in: the focus goes to the heading.
  useEffect(() => {
    if (moveFocus.current) heading.current?.focus();
    moveFocus.current = false;
  }, [status?.enabled]);

  const edit = (field: SyncField, value: string) =>
    setFields((previous) => previous && { ...previous, [field]: value });

  const enable = async () => {
    if (!fields || busy !== null) return;
    const check = checkSyncForm(fields);
    if (!check.ok) {
      setProblems(check.problems);
      setRefusals((count) => count + 1);
      return;
    }
    setProblems({});
    setFailure('');
    const allowed = await allowServer(check.originPattern);
    // Whatever happens next, the passphrase is not kept on the page.
    setFields((previous) => previous && { ...previous, passphrase: '' });
    if (!allowed) {
      setFailure(t('options_sync_refused'));
      return;
    }
    setBusy('enable');
    setNotice(t('options_sync_checking'));
    // The stored status may change before the answer comes: the focus moves when it does.
    moveFocus.current = true;
    try {
      const result = await request({
        type: 'sync-enable',
        account: check.account,
        passphrase: check.passphrase,
      });
      setNotice('');
      show(result);
      if (!result.enabled) {
        moveFocus.current = false;
        if (result.error) setFailure(syncErrorMessage(result.error));
      }
    } catch (error) {
      moveFocus.current = false;
      setNotice('');
      setFailure(failureText(error));
    } finally {
      setBusy(null);
    }
  };

  const syncNow = async () => {
    setBusy('sync');
    setFailure('');
    try {
      // The status comes through storage as the sync goes; a turn-off meanwhile must not be undone.
      await request({ type: 'sync-now' });
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(null);
    }
  };

  const disable = async () => {
    const before = status;
    setBusy('disable');
    setFailure('');
    moveFocus.current = true;
    try {
      const result = await request({ type: 'sync-disable' });
      setFields(emptyFields(before));
      setNotice(t('options_sync_turned_off'));
      show(result);
    } catch (error) {
      moveFocus.current = false;
      setFailure(failureText(error));
    } finally {
      setBusy(null);
    }
  };

  if (status === null || fields === null) {
    return (
      <section class="options-section sync" aria-labelledby="sync-heading" data-testid="sync">
        <h2 id="sync-heading">{t('options_sync_heading')}</h2>
      </section>
    );
  }

  const phase = syncPhase(status, now);
  const syncError = status.enabled && phase === 'error' && status.error ? status.error : null;
  const errorLine = failure || (syncError ? syncErrorMessage(syncError) : '');
  return (
    <section class="options-section sync" aria-labelledby="sync-heading" data-testid="sync">
      <h2 id="sync-heading" ref={heading} tabIndex={-1}>
        {t('options_sync_heading')}
      </h2>
      {status.enabled ? (
        <dl class="sync-account">
          <dt>{t('options_sync_server')}</dt>
          <dd data-testid="sync-server-shown">{status.serverUrl}</dd>
          <dt>{t('options_sync_database')}</dt>
          <dd data-testid="sync-database-shown">{status.database}</dd>
          {status.username && (
            <>
              <dt>{t('options_sync_username')}</dt>
              <dd>{status.username}</dd>
            </>
          )}
        </dl>
      ) : (
        <>
          <p>{t('options_sync_intro')}</p>
          <SyncForm
            fields={fields}
            problems={problems}
            refusals={refusals}
            busy={busy !== null}
            onInput={edit}
            onSubmit={() => void enable()}
          />
        </>
      )}
      <p id="sync-status" class="sync-status" role="status" aria-live="polite">
        {status.enabled ? <StatusLine status={status} now={now} /> : notice}
      </p>
      <p id="sync-error" class="sync-error" role="alert">
        {errorLine}
      </p>
      {status.enabled && (
        <div class="sync-actions">
          <button
            type="button"
            id="sync-now"
            onClick={() => void syncNow()}
            disabled={busy !== null || phase === 'syncing'}
          >
            {t('options_sync_now')}
          </button>
          <button
            type="button"
            id="sync-disable"
            class="secondary"
            onClick={() => void disable()}
            // Turning off need not wait for a running sync: the background stops using the server.
            disabled={busy === 'disable'}
            aria-describedby="sync-disable-hint"
          >
            {t('options_sync_disable')}
          </button>
          <p id="sync-disable-hint" class="hint">
            {t('options_sync_disable_hint')}
          </p>
        </div>
      )}
    </section>
  );
}
