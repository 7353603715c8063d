import { useRef, useState } from 'preact/hooks';
import { applyImport, planImport, type ImportSummary } from '../db/import.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { ImportError, MAX_IMPORT_BYTES, parseImport, type ImportParse } from '../import/index.ts';
import { plural, t } from '../shared/i18n.ts';
import { FilePicker } from './FilePicker.tsx';
import { importErrorMessageKey } from './message-keys.ts';
import { ProblemList } from './ProblemList.tsx';
import { ProgressView } from './ProgressView.tsx';
import { summaryCounts, reportCounts } from './summary-text.ts';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number | null }
  | { step: 'planned'; fileName: string; parse: ImportParse; summary: ImportSummary }
  | { step: 'writing'; fileName: string; fraction: number }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'failed'; message: string; detail: string };

const percent = (fraction: number) => Math.floor(fraction * 100);

/** An import that would add no article, change none and bring no picture: nothing to confirm. */
const changesNothing = (summary: ImportSummary) =>
  summary.created + summary.updated + summary.images === 0;

/** Why nothing was imported, in words, with the technical detail apart. */
function failureOf(error: unknown): { message: string; detail: string } {
  if (error instanceof ImportError) {
    const where = error.origin ? `${error.origin}: ` : '';
    return { message: t(importErrorMessageKey(error.code)), detail: `${where}${error.detail}` };
  }
  console.error('Margins could not import the file', error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: t('transfer_error_write_failed'), detail };
}

/**
 * Choose a file; it is read and checked, and a dry run says what importing it would do; only
 * "Import" writes, in one transaction, and a report says what happened.
 */
export function ImportSection({ db }: { db: MarginsDatabase }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  // A file chosen while another is being read replaces it: the earlier one's results are dropped.
  const run = useRef(0);

  const choose = async (file: File) => {
    const serial = ++run.current;
    const current = () => serial === run.current;
    setState({ step: 'reading', fileName: file.name, fraction: null });
    try {
      // Checked before reading: a file too large must not be loaded into memory first.
      if (file.size > MAX_IMPORT_BYTES) {
        throw new ImportError('too-large', `${file.size} bytes, limit ${MAX_IMPORT_BYTES}`);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      let shown = -1;
      const parse = await parseImport(bytes, {
        onProgress: (fraction) => {
          if (!current() || percent(fraction) === shown) return;
          shown = percent(fraction);
          setState({ step: 'reading', fileName: file.name, fraction });
        },
      });
      const summary = await planImport(db, parse);
      if (current()) setState({ step: 'planned', fileName: file.name, parse, summary });
    } catch (error) {
      if (current()) setState({ step: 'failed', ...failureOf(error) });
    }
  };

  const confirm = async (fileName: string, parse: ImportParse) => {
    const serial = ++run.current;
    let shown = -1;
    setState({ step: 'writing', fileName, fraction: 0 });
    try {
      const summary = await applyImport(db, parse, new Date(), (fraction) => {
        if (percent(fraction) === shown) return;
        shown = percent(fraction);
        setState({ step: 'writing', fileName, fraction });
      });
      if (serial === run.current) setState({ step: 'done', summary });
    } catch (error) {
      if (serial === run.current) setState({ step: 'failed', ...failureOf(error) });
    }
  };

  const busy = state.step === 'reading' || state.step === 'writing';
  return (
    <section class="transfer-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('transfer_import_heading')}</h2>
      <p>{t('transfer_import_intro')}</p>
      <FilePicker disabled={busy} onFile={(file) => void choose(file)} />
      <div role="status" aria-live="polite" class="import-status" data-testid="import-status">
        {state.step === 'reading' ? (
          <ProgressView
            fraction={state.fraction}
            name={t('transfer_import_reading_name')}
            label={
              state.fraction === null
                ? t('transfer_import_reading', state.fileName)
                : t('transfer_import_reading_percent', [
                    state.fileName,
                    String(percent(state.fraction)),
                  ])
            }
          />
        ) : null}
        {state.step === 'planned' ? (
          <p class="summary" data-testid="import-plan">
            {t('transfer_plan_intro', state.fileName)} {summaryCounts(state.summary)}
          </p>
        ) : null}
        {state.step === 'writing' ? (
          <ProgressView
            fraction={state.fraction}
            name={t('transfer_import_writing_name')}
            label={t('transfer_import_writing', String(percent(state.fraction)))}
          />
        ) : null}
        {state.step === 'done' ? (
          <p class="summary ok" data-testid="import-report">
            {t('transfer_report_intro')} {reportCounts(state.summary)}
          </p>
        ) : null}
        {state.step === 'failed' ? (
          <p class="summary error" data-testid="import-error">
            {state.message}
          </p>
        ) : null}
      </div>
      {state.step === 'failed' && state.detail ? (
        <p class="hint">
          <code>{state.detail}</code>
        </p>
      ) : null}
      {state.step === 'planned' || state.step === 'done' ? (
        <>
          <ProblemList summaryKey="transfer_skipped_list" problems={state.summary.skipped} />
          <ProblemList summaryKey="transfer_warnings_list" problems={state.summary.warnings} />
        </>
      ) : null}
      {state.step === 'planned' ? (
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={changesNothing(state.summary)}
            onClick={() => void confirm(state.fileName, state.parse)}
          >
            {t('transfer_import_confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              run.current += 1;
              setState({ step: 'idle' });
            }}
          >
            {t('transfer_import_cancel')}
          </button>
        </div>
      ) : null}
      {state.step === 'planned' && changesNothing(state.summary) ? (
        <p class="muted">{plural('transfer_plan_nothing', state.summary.unchanged)}</p>
      ) : null}
    </section>
  );
}
