import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../shared/annotation.ts';
import { t } from '../../shared/i18n.ts';

/** The name of a highlight colour in the UI language ("Yellow", "Jaune"). */
export function colourName(colour: HighlightColour): string {
  return t(`reader_colour_${colour}`);
}

interface Props {
  /** The colour in use, shown pressed; null when choosing a colour for a new highlight. */
  current: HighlightColour | null;
  onChoose: (colour: HighlightColour) => void;
  /** Builds each button's accessible name ("Highlight yellow", "Change to green"). */
  label: (name: string) => string;
  /** The colour listed first (the user's default highlight colour); the others keep their order. */
  first?: HighlightColour;
}

/** One button per highlight colour, each named in words, never by its swatch alone. */
export function ColourButtons({ current, onChoose, label, first }: Props) {
  const colours = first
    ? [first, ...HIGHLIGHT_COLOURS.filter((colour) => colour !== first)]
    : HIGHLIGHT_COLOURS;
  return (
    <>
      {colours.map((colour) => (
        <button
          key={colour}
          type="button"
          class="colour-button"
          data-colour={colour}
          aria-pressed={current === null ? undefined : current === colour}
          aria-label={label(colourName(colour))}
          title={label(colourName(colour))}
          onClick={() => onChoose(colour)}
        >
          <span class="swatch" data-colour={colour} aria-hidden="true" />
        </button>
      ))}
    </>
  );
}
