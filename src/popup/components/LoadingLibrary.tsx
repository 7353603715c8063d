import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';

/** After this long, the wait is explained: usually a one-time reorganisation after an update. */
const SLOW_AFTER_MS = 3000;

/**
 * What the library shows while its first read is under way. A read normally takes a blink; the
 * one long wait is right after Margins is updated, while the background reorganises a large
 * library once (about 2–4 ms per article), and the user should know the wait will end.
 */
export function LoadingLibrary() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div role="status">
      <p class="muted">{t('status_loading')}</p>
      {slow && <p class="muted">{t('status_loading_slow')}</p>}
    </div>
  );
}
