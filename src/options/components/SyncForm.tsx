import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/protocol.ts';
import {
  firstProblemField,
  type SyncField,
  type SyncFieldProblems,
  type SyncFormFields,
} from '../sync-form.ts';

interface FieldSpec {
  id: string;
  label: string;
  type: 'url' | 'text' | 'password';
  autocomplete: string;
  placeholder?: string;
  hint?: string;
}

function fieldSpecs(): Record<SyncField, FieldSpec> {
  return {
    serverUrl: {
      id: 'sync-server',
      label: t('options_sync_server'),
      type: 'url',
      autocomplete: 'url',
      placeholder: t('options_sync_server_placeholder'),
    },
    database: {
      id: 'sync-database',
      label: t('options_sync_database'),
      type: 'text',
      autocomplete: 'off',
      hint: t('options_sync_database_hint'),
    },
    username: {
      id: 'sync-username',
      label: t('options_sync_username'),
      type: 'text',
      autocomplete: 'username',
    },
    password: {
      id: 'sync-password',
      label: t('options_sync_password'),
      type: 'password',
      autocomplete: 'current-password',
      hint: t('options_sync_account_hint'),
    },
    passphrase: {
      id: 'sync-passphrase',
      label: t('options_sync_passphrase'),
      type: 'password',
      autocomplete: 'off',
      hint: t('options_sync_passphrase_hint', String(MIN_PASSPHRASE_LENGTH)),
    },
  };
}

function problemText(problem: SyncFieldProblems[SyncField]): string {
  if (!problem) return '';
  return problem === 'passphrase_short'
    ? t('options_sync_invalid_passphrase_short', String(MIN_PASSPHRASE_LENGTH))
    : t(`options_sync_invalid_${problem}`);
}

interface Props {
  fields: SyncFormFields;
  problems: SyncFieldProblems;
  /** Counts the tries the page refused: each one moves the focus to the first wrong field. */
  refusals: number;
  busy: boolean;
  onInput: (field: SyncField, value: string) => void;
  /** Runs in the submit's own task, so it may ask the browser for a permission. */
  onSubmit: () => void;
}

/**
 * The server, database, account and passphrase, each with a visible label, its hint and, after
 * a try, what is wrong with it. Enter in any field or the button turns sync on.
 */
export function SyncForm({ fields, problems, refusals, busy, onInput, onSubmit }: Props) {
  const inputs = useRef<Partial<Record<SyncField, HTMLInputElement | null>>>({});
  const specs = fieldSpecs();

  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit();
  };
  useEffect(() => {
    // The first wrong field gets the focus, which reads its message (aria-describedby).
    const first = firstProblemField(problems);
    if (refusals > 0 && first) inputs.current[first]?.focus();
  }, [refusals]);

  return (
    <form class="sync-form" onSubmit={submit} noValidate>
      {(Object.keys(specs) as SyncField[]).map((field) => {
        const spec = specs[field];
        const problem = problemText(problems[field]);
        const described = [spec.hint && `${spec.id}-hint`, problem && `${spec.id}-problem`]
          .filter(Boolean)
          .join(' ');
        const ref: Ref<HTMLInputElement> = (element) => {
          inputs.current[field] = element;
        };
        return (
          <div class="sync-field" key={field}>
            <label for={spec.id}>{spec.label}</label>
            <input
              ref={ref}
              id={spec.id}
              name={spec.id}
              type={spec.type}
              value={fields[field]}
              placeholder={spec.placeholder}
              autocomplete={spec.autocomplete}
              spellcheck={false}
              autocapitalize="off"
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={described || undefined}
              onInput={(event) => onInput(field, event.currentTarget.value)}
            />
            {spec.hint && (
              <p id={`${spec.id}-hint`} class="hint">
                {spec.hint}
              </p>
            )}
            {problem && (
              <p id={`${spec.id}-problem`} class="field-problem">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" id="sync-enable" disabled={busy}>
        {t('options_sync_enable')}
      </button>
    </form>
  );
}
