/**
 * One click saves: when the popup opens from the toolbar it saves the active tab at once and
 * reports how it went; undo reverses exactly that save.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser.ts';
import { request } from '../shared/messaging.ts';
import { MarginsError, type ErrorCode, type SaveOutcome } from '../shared/protocol.ts';

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'saving' }
  | { phase: 'saved'; outcome: SaveOutcome }
  | { phase: 'failed'; code: ErrorCode }
  | { phase: 'undoing'; outcome: SaveOutcome }
  | { phase: 'undone'; outcome: SaveOutcome };

export function useSaveActiveTab(enabled: boolean): { state: SaveState; undo: () => void } {
  const [state, setState] = useState<SaveState>({ phase: enabled ? 'saving' : 'idle' });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const save = async (): Promise<SaveOutcome> => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new MarginsError('no-tab', 'no active tab');
      return request({ type: 'save-tab', tabId: tab.id });
    };
    save().then(
      (outcome) => !cancelled && setState({ phase: 'saved', outcome }),
      (error: unknown) =>
        !cancelled &&
        setState({ phase: 'failed', code: error instanceof MarginsError ? error.code : 'unknown' }),
    );
    return () => {
      cancelled = true;
    };
  }, [enabled]);

  const undo = useCallback(() => {
    if (state.phase !== 'saved') return;
    const { outcome } = state;
    setState({ phase: 'undoing', outcome });
    request({ type: 'undo-save', undo: outcome.undo }).then(
      () => setState({ phase: 'undone', outcome }),
      (error: unknown) =>
        setState({ phase: 'failed', code: error instanceof MarginsError ? error.code : 'unknown' }),
    );
  }, [state]);

  return { state, undo };
}
