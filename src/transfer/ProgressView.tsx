import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** From 0 to 1, or null while how far it has gone is not known. */
  fraction: number | null;
  /** What is happening, e.g. "Reading pocket.zip… 40 %". */
  label: string;
  /** Names the bar for screen readers (the label changes as it runs). */
  name: string;
}

/** A progress bar with its text; the text is also what a screen reader hears. */
export function ProgressView({ fraction, label, name }: Props) {
  const bar = useRef<HTMLProgressElement>(null);
  useEffect(() => {
    // An indeterminate <progress> has no value attribute at all.
    if (fraction === null) bar.current?.removeAttribute('value');
  }, [fraction]);
  return (
    <div class="progress">
      <progress
        ref={bar}
        max={1}
        value={fraction ?? undefined}
        aria-label={name}
        data-testid="progress"
      />
      <span class="progress-text">{label}</span>
    </div>
  );
}
