import { useState } from 'preact/hooks';
import type { ArticleRecord, EditableField } from '../../shared/article.ts';
import { errorMessage, t } from '../../shared/i18n.ts';
import { request } from '../../shared/messaging.ts';
import { MarginsError } from '../../shared/protocol.ts';
import { editsFrom, initialValues, type EditFormValues } from '../edit-form.ts';

interface Props {
  article: ArticleRecord;
  onClose: (saved: boolean) => void;
}

/** Where a value came from, under its field, so the user can judge it before correcting it. */
function SourceHint({
  article,
  field,
  id,
}: {
  article: ArticleRecord;
  field: EditableField;
  id: string;
}) {
  const source = article.fieldSources[field];
  const text = source
    ? t('field_source', t(`source_${source.replace(/-/g, '_')}`))
    : t('field_not_found');
  return (
    <span class="hint" id={id}>
      {text}
    </span>
  );
}

/** Corrects an article's title, author and publish date; the corrections survive a re-save. */
export function ArticleEditor({ article, onClose }: Props) {
  const [values, setValues] = useState<EditFormValues>(() => initialValues(article));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idFor = (name: string) => `edit-${article.id}-${name}`;
  const update = (name: keyof EditFormValues) => (event: Event) =>
    setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const edits = editsFrom(article, values);
    if (Object.keys(edits).length === 0) return onClose(false);
    setBusy(true);
    try {
      await request({ type: 'edit-article', articleId: article.id, edits });
      onClose(true);
    } catch (failure) {
      setError(errorMessage(failure instanceof MarginsError ? failure.code : 'unknown'));
      setBusy(false);
    }
  };

  return (
    <form
      class="editor"
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && onClose(false)}
      aria-label={t('edit_heading', article.title)}
    >
      <label for={idFor('title')}>{t('field_title')}</label>
      <input
        id={idFor('title')}
        value={values.title}
        onInput={update('title')}
        aria-describedby={idFor('title-source')}
        required
      />
      <SourceHint article={article} field="title" id={idFor('title-source')} />
      <label for={idFor('byline')}>{t('field_byline')}</label>
      <input
        id={idFor('byline')}
        value={values.byline}
        onInput={update('byline')}
        aria-describedby={idFor('byline-source')}
      />
      <SourceHint article={article} field="byline" id={idFor('byline-source')} />
      <label for={idFor('date')}>{t('field_published')}</label>
      <input
        id={idFor('date')}
        type="date"
        value={values.publishedDate}
        onInput={update('publishedDate')}
        aria-describedby={idFor('date-source')}
      />
      <SourceHint article={article} field="publishedTime" id={idFor('date-source')} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="editor-actions">
        <button type="submit" disabled={busy}>
          {t('action_save_edits')}
        </button>
        <button type="button" class="secondary" onClick={() => onClose(false)}>
          {t('action_cancel')}
        </button>
      </div>
    </form>
  );
}
