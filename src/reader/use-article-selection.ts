/**
 * Follows the user's selection inside the article. `current` drives the floating toolbar;
 * `last` outlives a click elsewhere, so "Attach here" on an orphan still knows the chosen text.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { articleSelection, type ArticleSelection } from './selection.ts';

/** While focus is in the toolbar or an editor, the selection it acts on must stay put. */
const POPOVER = '.selection-popover';

export function useArticleSelection(container: RefObject<HTMLElement>, text: string) {
  const [current, setCurrent] = useState<ArticleSelection | null>(null);
  const [last, setLast] = useState<ArticleSelection | null>(null);

  useEffect(() => {
    const update = () => {
      const root = container.current;
      if (!root || document.activeElement?.closest(POPOVER)) return;
      const found = articleSelection(root, text, document.getSelection());
      setCurrent(found);
      if (found) setLast(found);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [text]);

  /** Forgets the selection once it was used (highlighted or attached) or dismissed. */
  const clear = useCallback((alsoLast: boolean) => {
    setCurrent(null);
    if (alsoLast) {
      setLast(null);
      document.getSelection()?.removeAllRanges();
    }
  }, []);

  return { current, last, clear };
}
