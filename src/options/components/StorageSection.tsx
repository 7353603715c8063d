import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../shared/i18n.ts';
import { formatBytes } from '../format-bytes.ts';

type Estimate =
  | { status: 'loading' }
  | { status: 'ready'; usage: number; quota: number }
  | { status: 'unavailable' };

/** Whether the browser has promised to keep Margins' storage under disk pressure. */
type Persistence = 'unknown' | 'on' | 'off' | 'unsupported';

type Request = 'idle' | 'asking' | 'granted' | 'refused' | 'failed';

const storage = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : navigator.storage;

function persistenceText(persistence: Persistence): string {
  if (persistence === 'on') return t('options_persist_on');
  if (persistence === 'off') return t('options_persist_off');
  if (persistence === 'unsupported') return t('options_persist_unsupported');
  return '';
}

function requestText(request: Request): string {
  if (request === 'granted') return t('options_persist_granted');
  if (request === 'refused') return t('options_persist_refused');
  if (request === 'failed') return t('options_persist_failed');
  return '';
}

/**
 * How much space the library takes, and a way to ask the browser to keep it. The answer is shown
 * next to the button, in its own live region.
 */
export function StorageSection() {
  const [estimate, setEstimate] = useState<Estimate>({ status: 'loading' });
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const [request, setRequest] = useState<Request>('idle');

  useEffect(() => {
    const manager = storage();
    if (!manager?.estimate) setEstimate({ status: 'unavailable' });
    else {
      manager.estimate().then(
        ({ usage, quota }) =>
          setEstimate(
            usage === undefined || quota === undefined
              ? { status: 'unavailable' }
              : { status: 'ready', usage, quota },
          ),
        () => setEstimate({ status: 'unavailable' }),
      );
    }
    if (!manager?.persisted || !manager.persist) setPersistence('unsupported');
    else {
      manager.persisted().then(
        (persisted) => setPersistence(persisted ? 'on' : 'off'),
        () => setPersistence('unsupported'),
      );
    }
  }, []);

  const ask = async () => {
    const manager = storage();
    if (!manager?.persist) return;
    setRequest('asking');
    let outcome: Request;
    try {
      const granted = await manager.persist();
      outcome = granted ? 'granted' : 'refused';
      setPersistence(granted ? 'on' : 'off');
    } catch (error) {
      console.error('Margins could not ask for persistent storage', error);
      outcome = 'failed';
    }
    setRequest(outcome);
  };

  const language = uiLanguage();
  return (
    <section class="options-section" aria-labelledby="storage-heading" data-testid="storage">
      <h2 id="storage-heading">{t('options_storage_heading')}</h2>
      <p data-testid="storage-usage">
        {estimate.status === 'loading' && t('options_storage_loading')}
        {estimate.status === 'unavailable' && t('options_storage_unknown')}
        {estimate.status === 'ready' &&
          t('options_storage_used', [
            formatBytes(estimate.usage, language),
            formatBytes(estimate.quota, language),
          ])}
      </p>
      <p data-testid="storage-persistence">{persistenceText(persistence)}</p>
      {persistence !== 'unsupported' && (
        <div class="persist">
          <button
            type="button"
            onClick={() => void ask()}
            disabled={request === 'asking' || persistence !== 'off'}
            aria-describedby="persist-hint"
            data-testid="persist-button"
          >
            {t('options_persist_button')}
          </button>
          <p id="persist-hint" class="hint">
            {t('options_persist_hint')}
          </p>
          <p
            class={request === 'failed' ? 'error persist-result' : 'persist-result'}
            role="status"
            aria-live="polite"
            data-testid="persist-result"
          >
            {requestText(request)}
          </p>
        </div>
      )}
    </section>
  );
}
