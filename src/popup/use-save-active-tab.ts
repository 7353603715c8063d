/**
 * One click saves: when the popup opens from the toolbar it saves the active tab at once and
 * reports how it went; undo reverses exactly that save. When the user chose that the toolbar
 * button only opens the list, nothing is saved until `save` is called (the "Save this page"
 * button).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
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

async function saveActiveTab(): Promise<SaveOutcome> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new MarginsError('no-tab', 'no active tab');
  return request({ type: 'save-tab', tabId: tab.id });
}

export function useSaveActiveTab(autoSave: boolean): {
  state: SaveState;
  save: () => void;
  undo: () => void;
} {
  const [state, setState] = useState<SaveState>({ phase: autoSave ? 'saving' : 'idle' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const save = useCallback(() => {
    setState({ phase: 'saving' });
    saveActiveTab().then(
      (outcome) => mounted.current && setState({ phase: 'saved', outcome }),
      (error: unknown) =>
        mounted.current &&
        setState({ phase: 'failed', code: error instanceof MarginsError ? error.code : 'unknown' }),
    );
  }, []);

  useEffect(() => {
    if (autoSave) save();
  }, [autoSave, save]);

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

  return { state, save, undo };
}
