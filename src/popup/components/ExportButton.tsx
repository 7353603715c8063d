import { useState } from 'preact/hooks';
import { exportFileName } from '../../shared/export-format.ts';
import { t } from '../../shared/i18n.ts';
import { downloadBlob } from '../../ui/download.ts';

type ExportState = 'ready' | 'working' | 'done' | 'failed';

/**
 * Downloads the whole collection as one Margins JSON file. The database code is loaded on the
 * first click, so it does not weigh on every opening of the popup.
 */
export function ExportButton() {
  const [state, setState] = useState<ExportState>('ready');
  const exportJson = async () => {
    setState('working');
    try {
      const [{ articlesForExport }, { openDatabase }, { marginsJsonFormat }, { collectToBlob }] =
        await Promise.all([
          import('../../db/export-stream.ts'),
          import('../../db/schema.ts'),
          import('../../export/margins-json.ts'),
          import('../../export/sink.ts'),
        ]);
      const now = new Date();
      const db = openDatabase();
      // Streamed a few hundred articles at a time into a Blob: never one giant string.
      const blob = await collectToBlob(
        marginsJsonFormat.write(articlesForExport(db), { now }),
        marginsJsonFormat.mimeType,
      );
      db.close();
      downloadBlob(blob, exportFileName(now));
      setState('done');
    } catch (error) {
      console.error('Margins export failed', error);
      setState('failed');
    }
  };
  return (
    <div class="export">
      <button type="button" onClick={exportJson} disabled={state === 'working'}>
        {t('action_export_json')}
      </button>
      <span class={state === 'failed' ? 'error' : 'muted'} role="status" aria-live="polite">
        {state === 'working' && t('status_exporting')}
        {state === 'done' && t('status_exported')}
        {state === 'failed' && t('error_export_failed')}
      </span>
    </div>
  );
}
