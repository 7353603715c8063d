import { useState } from 'preact/hooks';
import { browser } from '../../platform/browser.ts';
import { errorMessage, t } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { MarginsError } from '../../shared/protocol.ts';
import { BACKUP_INTERVALS, type Settings, type SettingsPatch } from '../../shared/settings.ts';

interface Props {
  settings: Settings;
  change: (patch: SettingsPatch) => Promise<void>;
  announce: (text: string, failed?: boolean) => void;
}

const INTERVAL_LABELS: Record<Settings['backupEveryDays'], string> = {
  0: 'options_backup_off',
  1: 'options_backup_daily',
  7: 'options_backup_weekly',
};

/**
 * Asks for the downloads permission. The request must be the first thing the click does
 * (browsers only ask within the user's own gesture); where the browser will not ask, a
 * permission already held still counts.
 */
async function allowDownloads(): Promise<boolean> {
  const wanted = { permissions: ['downloads' as const] };
  try {
    return await browser.permissions.request(wanted);
  } catch {
    return browser.permissions.contains(wanted);
  }
}

/**
 * Automatic backup: how often, how many files to keep, and "Back up now". Turning it on asks
 * for permission to write into the downloads folder at that moment.
 */
export function BackupSection({ settings, change, announce }: Props) {
  const [busy, setBusy] = useState(false);

  const setInterval = async (days: Settings['backupEveryDays']) => {
    if (days > 0 && !(await allowDownloads())) {
      announce(t('options_backup_refused'), true);
      return;
    }
    await change({ backupEveryDays: days });
  };

  const backUpNow = async () => {
    setBusy(true);
    try {
      if (!(await allowDownloads())) throw new MarginsError('backup-not-allowed', '');
      const { fileName } = await request({ type: 'run-backup' });
      announce(t('options_backup_done', fileName));
    } catch (error) {
      announce(errorMessage(error instanceof MarginsError ? error.code : 'unknown'), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="options-section" aria-labelledby="backup-heading" data-testid="backup">
      <h2 id="backup-heading">{t('options_backup_heading')}</h2>
      <p class="hint">{t('options_backup_hint')}</p>
      <label class="field">
        <span>{t('options_backup_interval')}</span>
        <select
          value={String(settings.backupEveryDays)}
          onChange={(event) =>
            void setInterval(Number(event.currentTarget.value) as Settings['backupEveryDays'])
          }
        >
          {BACKUP_INTERVALS.map((days) => (
            <option key={days} value={String(days)}>
              {t(INTERVAL_LABELS[days])}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('options_backup_keep')}</span>
        <input
          type="number"
          min={1}
          max={60}
          value={settings.backupKeep}
          onChange={(event) => {
            const keep = Number(event.currentTarget.value);
            if (Number.isInteger(keep) && keep >= 1 && keep <= 60)
              void change({ backupKeep: keep });
          }}
        />
      </label>
      <button type="button" class="backup-now" onClick={() => void backUpNow()} disabled={busy}>
        {t('options_backup_now')}
      </button>
    </section>
  );
}
