import type { ImportReportProblem } from '../db/import.ts';
import { plural, t } from '../shared/i18n.ts';
import { problemMessageKey } from './message-keys.ts';

/** Problems shown at once; a hostile file may name a hundred thousand entries. */
const SHOWN = 500;

interface Props {
  /** `transfer_skipped_list` or `transfer_warnings_list`: "3 entries skipped: why". */
  summaryKey: string;
  problems: readonly ImportReportProblem[];
}

/** An expandable list of skipped entries or warnings: where in the file, and why. */
export function ProblemList({ summaryKey, problems }: Props) {
  if (problems.length === 0) return null;
  const hidden = problems.length - SHOWN;
  return (
    <details class="problems">
      <summary>{plural(summaryKey, problems.length)}</summary>
      <ul>
        {problems.slice(0, SHOWN).map((problem, index) => (
          <li key={index}>
            <span class="problem-origin">{problem.origin}</span>{' '}
            <span class="problem-reason">{t(problemMessageKey(problem.code))}</span>
            {problem.detail ? (
              <>
                {' '}
                <code class="problem-detail">{problem.detail}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p class="muted">{plural('transfer_problems_more', hidden)}</p> : null}
    </details>
  );
}
