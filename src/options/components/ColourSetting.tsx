import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';

interface Props {
  value: HighlightColour;
  onChange: (colour: HighlightColour) => void;
}

/** The colour the reader offers first: one radio per colour, each named in words. */
export function ColourSetting({ value, onChange }: Props) {
  return (
    <fieldset class="choices colours" aria-describedby="colour-hint" data-testid="colour-setting">
      <legend>{t('options_default_colour_legend')}</legend>
      <div class="colour-choices">
        {HIGHLIGHT_COLOURS.map((colour) => (
          <label key={colour} class="choice colour-choice" data-colour={colour}>
            <input
              type="radio"
              name="default-colour"
              value={colour}
              checked={value === colour}
              onChange={(event) => {
                if (event.currentTarget.checked) onChange(colour);
              }}
            />
            <span class="swatch" aria-hidden="true" />
            <span class="colour-name">{t(`reader_colour_${colour}`)}</span>
          </label>
        ))}
      </div>
      <p id="colour-hint" class="hint">
        {t('options_default_colour_hint')}
      </p>
    </fieldset>
  );
}
