import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import {
  DEFAULT_SETTINGS,
  readSettings,
  writeSettings,
  type Settings,
  type SettingsPatch,
} from '../shared/settings.ts';
import { RevisitToggle } from '../ui/RevisitToggle.tsx';
import { ColourSetting } from './components/ColourSetting.tsx';
import { BackupSection } from './components/BackupSection.tsx';
import { ImagesSection } from './components/ImagesSection.tsx';
import { StorageSection } from './components/StorageSection.tsx';
import { SyncSection } from './components/SyncSection.tsx';
import { ToolbarSetting } from './components/ToolbarSetting.tsx';

type Announce = (text: string, failed?: boolean) => void;

/**
 * Margins' settings page (opened from the browser's extension settings or the popup's "Settings"
 * link). Every change is saved at once and announced in one polite live region.
 */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState({ text: '', failed: false, serial: 0 });
  const announce = useCallback<Announce>(
    (text, failed = false) =>
      setStatus((previous) => ({ text, failed, serial: previous.serial + 1 })),
    [],
  );

  useEffect(() => {
    readSettings().then(setSettings, (error: unknown) => {
      console.error('Margins could not read its settings', error);
      setSettings({ ...DEFAULT_SETTINGS });
    });
  }, []);

  const change = async (patch: SettingsPatch) => {
    if (!settings) return;
    const before = settings;
    // Shown at once; put back if the browser refuses to store it.
    setSettings({ ...settings, ...patch });
    try {
      setSettings(await writeSettings(patch));
      announce(t('options_status_saved'));
    } catch (error) {
      console.error('Margins could not save a setting', error);
      setSettings(before);
      announce(t('options_status_failed'), true);
    }
  };

  return (
    <main class="options-page">
      <header class="options-header">
        <h1>{t('options_heading')}</h1>
      </header>
      {settings === null ? (
        <p class="muted">{t('options_loading')}</p>
      ) : (
        <>
          <section class="options-section" aria-labelledby="highlights-heading">
            <h2 id="highlights-heading">{t('options_highlights_heading')}</h2>
            <ColourSetting
              value={settings.defaultHighlightColour}
              onChange={(defaultHighlightColour) => void change({ defaultHighlightColour })}
            />
          </section>
          <BackupSection settings={settings} change={change} announce={announce} />
          <section class="options-section" aria-labelledby="toolbar-heading">
            <h2 id="toolbar-heading">{t('options_toolbar_heading')}</h2>
            <ToolbarSetting
              value={settings.toolbarAction}
              onChange={(toolbarAction) => void change({ toolbarAction })}
            />
          </section>
        </>
      )}
      <SyncSection />
      <section class="options-section" aria-labelledby="revisit-heading">
        <h2 id="revisit-heading">{t('options_revisit_heading')}</h2>
        <RevisitToggle />
      </section>
      <section class="options-section" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">{t('options_transfer_heading')}</h2>
        <p>{t('options_transfer_text')}</p>
        <a href="transfer.html" data-testid="open-transfer">
          {t('options_transfer_link')}
        </a>
      </section>
      <ImagesSection announce={announce} />
      <StorageSection />
      <p
        class={status.failed ? 'options-status error' : 'options-status'}
        role="status"
        aria-live="polite"
        data-testid="options-status"
      >
        <span key={status.serial}>{status.text}</span>
      </p>
    </main>
  );
}
