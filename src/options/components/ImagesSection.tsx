import { useEffect, useState } from 'preact/hooks';
import { formatCount, plural, t, uiLanguage } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import type { ImageBackfillStatus, ResponseMap } from '../../shared/protocol.ts';
import { useAllSitesFeature } from '../../ui/use-all-sites-feature.ts';
import { formatBytes } from '../format-bytes.ts';

type Storage = ResponseMap['image-storage'];

/** How often the page asks how far "Fetch missing images" got, while it runs. */
const POLL_MS = 500;

/** The progress line; `started`: the user pressed "Fetch missing images" on this page. */
function backfillText(status: ImageBackfillStatus, started: boolean): string {
  if (status.total === 0) return started ? t('options_images_progress_none') : '';
  const counts = [formatCount(status.done), formatCount(status.total)];
  if (status.state === 'paused') return t('options_images_progress_paused', counts);
  if (status.state === 'running') return t('options_images_progress', counts);
  return t('options_images_progress_done', counts);
}

/**
 * Images kept with saved articles: the site access that lets Margins keep them from every site
 * (asked for when the user turns it on), how much they take, "Fetch missing images" with its
 * progress and pause, and removing them to free space.
 */
export function ImagesSection({
  announce,
}: {
  announce: (text: string, failed?: boolean) => void;
}) {
  const [access, setAccessWanted] = useAllSitesFeature('keepImagesFromAllSites');
  const [storage, setStorage] = useState<Storage | null>(null);
  const [backfill, setBackfill] = useState<ImageBackfillStatus | null>(null);
  const [started, setStarted] = useState(false);

  const refreshStorage = () =>
    request({ type: 'image-storage' }).then(setStorage, () => setStorage(null));

  useEffect(() => {
    void refreshStorage();
    request({ type: 'images-backfill-status' }).then(setBackfill, () => undefined);
  }, []);

  // While the library is gone through, its progress and the space taken are read again.
  const running = backfill?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      request({ type: 'images-backfill-status' }).then(setBackfill, () => undefined);
      void refreshStorage();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const changeAccess = async (event: Event) => {
    try {
      await setAccessWanted((event.currentTarget as HTMLInputElement).checked);
    } catch (error) {
      console.error('Margins could not change site access for images', error);
      announce(t('options_status_failed'), true);
    }
  };

  const runBackfill = async (
    type: 'images-backfill-start' | 'images-backfill-pause' | 'images-backfill-resume',
  ) => {
    try {
      setStarted(true);
      setBackfill(await request({ type }));
    } catch (error) {
      console.error('Margins could not fetch missing images', error);
      announce(t('options_images_failed'), true);
    }
  };

  const remove = async () => {
    try {
      setStorage(await request({ type: 'remove-images' }));
      announce(t('options_images_removed'));
    } catch (error) {
      console.error('Margins could not remove stored images', error);
      announce(t('options_images_failed'), true);
    }
  };

  const language = uiLanguage();
  return (
    <section class="options-section" aria-labelledby="images-heading" data-testid="images">
      <h2 id="images-heading">{t('options_images_heading')}</h2>
      <label>
        <input
          type="checkbox"
          checked={access === 'on'}
          disabled={access === 'unknown'}
          onChange={(event) => void changeAccess(event)}
          data-testid="images-all-sites"
        />{' '}
        {t('options_images_toggle')}
      </label>
      <p class="hint">
        {access === 'refused' ? t('options_images_refused') : t('options_images_hint')}
      </p>
      <p data-testid="images-usage">
        {storage &&
          t('options_images_used', [
            formatBytes(storage.bytes, language),
            `${storage.images}`,
          ])}{' '}
        {storage && storage.remote > 0 && plural('options_images_remote', storage.remote)}
      </p>
      <div class="image-actions">
        {backfill?.state === 'running' ? (
          <button type="button" onClick={() => void runBackfill('images-backfill-pause')}>
            {t('options_images_pause')}
          </button>
        ) : backfill?.state === 'paused' ? (
          <button type="button" onClick={() => void runBackfill('images-backfill-resume')}>
            {t('options_images_resume')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void runBackfill('images-backfill-start')}
            data-testid="images-backfill"
          >
            {t('options_images_backfill')}
          </button>
        )}
        <button
          type="button"
          onClick={() => void remove()}
          disabled={!storage || storage.images === 0 || running}
          data-testid="images-remove"
        >
          {t('options_images_remove')}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="images-progress">
        {backfill && backfillText(backfill, started)}
      </p>
    </section>
  );
}
