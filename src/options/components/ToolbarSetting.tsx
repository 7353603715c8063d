import { t } from '../../shared/i18n.ts';
import type { ToolbarAction } from '../../shared/settings.ts';

interface Props {
  value: ToolbarAction;
  onChange: (action: ToolbarAction) => void;
}

const CHOICES: readonly { action: ToolbarAction; label: string; hint: string }[] = [
  { action: 'save', label: 'options_toolbar_save', hint: 'options_toolbar_save_hint' },
  {
    action: 'open-list',
    label: 'options_toolbar_open_list',
    hint: 'options_toolbar_open_list_hint',
  },
];

/** What the toolbar button does: save the page at once, or only open the library. */
export function ToolbarSetting({ value, onChange }: Props) {
  return (
    <fieldset class="choices" data-testid="toolbar-setting">
      <legend>{t('options_toolbar_legend')}</legend>
      {CHOICES.map(({ action, label, hint }) => (
        <div key={action} class="choice-row">
          <label class="choice">
            <input
              type="radio"
              name="toolbar-action"
              value={action}
              checked={value === action}
              aria-describedby={`toolbar-${action}-hint`}
              onChange={(event) => {
                if (event.currentTarget.checked) onChange(action);
              }}
            />
            <span>{t(label)}</span>
          </label>
          <p id={`toolbar-${action}-hint`} class="hint">
            {t(hint)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
