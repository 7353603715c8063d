import type { MarginsDatabase } from '../db/schema.ts';
import { t } from '../shared/i18n.ts';
import { ExportSection } from './ExportSection.tsx';
import { FetchSection } from './FetchSection.tsx';
import { ImportSection } from './ImportSection.tsx';

/**
 * Import & export (transfer.html): bring a library in from a file, take it out in a choice of
 * formats. Opened from the options page and the popup.
 */
export function TransferApp({ db }: { db: MarginsDatabase }) {
  return (
    <main class="transfer-page">
      <h1>{t('transfer_heading')}</h1>
      <ImportSection db={db} />
      <FetchSection db={db} />
      <ExportSection db={db} />
    </main>
  );
}
