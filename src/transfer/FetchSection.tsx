import { useState } from 'preact/hooks';
import { failedLinks, unqueuedLinks } from '../db/fetch-queue.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import type { ArticleFetchStatus, FetchFailure } from '../shared/article-fetch.ts';
import { plural, t } from '../shared/i18n.ts';
import { request } from '../shared/messaging.ts';
import { ALL_SITES, siteAccessFor } from '../shared/site-access.ts';
import {
  fetchProgressFraction,
  fetchProgressText,
  useFetchStatus,
} from '../ui/use-fetch-status.ts';
import { useLiveQuery } from '../ui/use-live-query.ts';
import { ProgressView } from './ProgressView.tsx';

/** How many failed links are listed with their reasons (the count says how many in all). */
const FAILED_SHOWN = 100;

/** Why a link's page could not be fetched, in words. */
export function fetchFailureText(reason: FetchFailure | null): string {
  if (!reason) return '';
  const key = `fetch_failure_${reason.code.replace(/-/g, '_')}`;
  return reason.status === undefined ? t(key) : t(key, String(reason.status));
}

/**
 * Imported links arrive without their articles; here the user has Margins fetch them, in the
 * background, with the site access that needs (asked for on the click), and follows it:
 * progress, pause and resume, stop, and the links that failed with their reasons and a retry.
 */
export function FetchSection({ db }: { db: MarginsDatabase }) {
  const [status, setStatus] = useFetchStatus();
  const [error, setError] = useState('');
  const links = useLiveQuery(['cards', 'fetchQueue'], () => unqueuedLinks(db), []);
  const failed = useLiveQuery(['fetchQueue', 'cards'], () => failedLinks(db, FAILED_SHOWN), []);

  const act = async (type: Parameters<typeof sendAction>[0]) => {
    setError('');
    try {
      setStatus(await sendAction(type));
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  };

  const start = async (addresses: string[]) => {
    setError('');
    // Asked first, within the click: the browser allows the question only then.
    const granted = await browser.permissions
      .request({ origins: siteAccessFor(addresses) })
      .catch(() => false);
    if (!granted) {
      setError(t('fetch_access_refused'));
      return;
    }
    await act('fetch-articles-start');
  };

  const unqueued = links.status === 'ready' ? links.value : [];
  const failures = failed.status === 'ready' ? failed.value : [];
  const working = status !== null && status.state !== 'idle';
  const sites = siteAccessFor(unqueued);
  return (
    <section class="transfer-section" aria-labelledby="fetch-heading" data-testid="fetch-section">
      <h2 id="fetch-heading">{t('fetch_heading')}</h2>
      {!working && unqueued.length > 0 ? (
        <>
          <p data-testid="fetch-offer">{plural('fetch_offer', unqueued.length)}</p>
          <p class="hint">
            {sites.includes(ALL_SITES[0] ?? '')
              ? t('fetch_access_all_sites')
              : plural('fetch_access_sites', sites.length)}
          </p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid="fetch-start"
              onClick={() => void start(unqueued)}
            >
              {t('fetch_start')}
            </button>
          </div>
        </>
      ) : null}
      {!working && unqueued.length === 0 && failures.length === 0 ? (
        <p class="muted">{t('fetch_nothing')}</p>
      ) : null}
      <div role="status" aria-live="polite" data-testid="fetch-status">
        {working && status ? (
          <ProgressView
            fraction={fetchProgressFraction(status)}
            name={t('fetch_progress_name')}
            label={
              status.state === 'paused'
                ? `${fetchProgressText(status)} (${t('fetch_paused')})`
                : fetchProgressText(status)
            }
          />
        ) : null}
        {!working && status && status.fetched > 0 ? (
          <p class="summary ok">{fetchProgressText(status)}</p>
        ) : null}
        {error ? <p class="summary error">{error}</p> : null}
      </div>
      {working && status ? (
        <div class="actions">
          {status.state === 'running' ? (
            <button
              type="button"
              data-testid="fetch-pause"
              onClick={() => void act('fetch-articles-pause')}
            >
              {t('fetch_pause')}
            </button>
          ) : (
            <button
              type="button"
              class="primary"
              data-testid="fetch-resume"
              onClick={() => void act('fetch-articles-resume')}
            >
              {t('fetch_resume')}
            </button>
          )}
          <button
            type="button"
            data-testid="fetch-cancel"
            onClick={() => void act('fetch-articles-cancel')}
          >
            {t('fetch_cancel')}
          </button>
        </div>
      ) : null}
      {failures.length > 0 ? (
        <details class="problems" data-testid="fetch-failures">
          <summary>{plural('fetch_failed_list', status?.failed ?? failures.length)}</summary>
          <ul>
            {failures.map(({ row, title }) => (
              <li key={row.articleId}>
                <a href={row.url} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
                {' — '}
                <span data-testid="fetch-failure-reason">{fetchFailureText(row.reason)}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="fetch-retry"
            onClick={() => void act('fetch-articles-retry')}
          >
            {t('fetch_retry')}
          </button>
        </details>
      ) : null}
    </section>
  );
}

type FetchAction =
  | 'fetch-articles-start'
  | 'fetch-articles-pause'
  | 'fetch-articles-resume'
  | 'fetch-articles-retry'
  | 'fetch-articles-cancel';

function sendAction(type: FetchAction): Promise<ArticleFetchStatus> {
  return request({ type });
}
