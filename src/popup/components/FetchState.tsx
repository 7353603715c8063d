import { browser } from '../../platform/browser.ts';
import { t } from '../../shared/i18n.ts';
import { fetchProgressText, useFetchStatus } from '../../ui/use-fetch-status.ts';

/**
 * The library's one line on the articles being fetched for imported links ("1,240 of 5,999
 * articles fetched — 37 failed"), linking to Import & export where it is paused, resumed and
 * its failures listed. Nothing when no fetch is running or paused.
 */
export function FetchState() {
  const [status] = useFetchStatus();
  if (status === null || status.state === 'idle') return null;
  const line = fetchProgressText(status);
  return (
    <p class="sync-state settings-link" data-testid="fetch-state" data-state={status.state}>
      <a href={browser.runtime.getURL('transfer.html')} target="_blank">
        {status.state === 'paused' ? `${line} (${t('fetch_paused')})` : line}
      </a>
    </p>
  );
}
