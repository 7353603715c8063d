import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';

interface Props {
  disabled: boolean;
  onFile: (file: File) => void;
}

/**
 * Where a file is chosen: a labelled file input (the keyboard way) inside a zone a file can also
 * be dropped on.
 */
export function FilePicker({ disabled, onFile }: Props) {
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      class={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <label for="import-file" class="file-label">
        {t('transfer_import_choose')}
      </label>
      <input
        id="import-file"
        type="file"
        disabled={disabled}
        aria-describedby="import-formats"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again still starts over.
          input.value = '';
          if (file) onFile(file);
        }}
      />
      <p class="muted">{t('transfer_import_drop')}</p>
      <p id="import-formats" class="hint">
        {t('transfer_import_formats')}
      </p>
    </div>
  );
}
