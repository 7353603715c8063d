/**
 * One polite live region for the whole reader: every save, change and failure is announced there,
 * so screen-reader users hear what a click or key did without focus moving.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';
import { MarginsError } from '../shared/protocol.ts';
import { errorMessage, t } from '../shared/i18n.ts';

type Announce = (message: string) => void;

const StatusContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(StatusContext);
}

/** The sentence to show for a failed request. */
export function failureText(error: unknown): string {
  return error instanceof MarginsError ? errorMessage(error.code) : t('error_unknown');
}

export function StatusProvider({ children }: { children: ComponentChildren }) {
  const [message, setMessage] = useState({ text: '', serial: 0 });
  // The serial makes a repeated sentence ("Highlight saved" twice) a change the region announces.
  const announce = useCallback<Announce>(
    (text) => setMessage((previous) => ({ text, serial: previous.serial + 1 })),
    [],
  );
  return (
    <StatusContext.Provider value={announce}>
      {children}
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="reader-status">
        <span key={message.serial}>{message.text}</span>
      </div>
    </StatusContext.Provider>
  );
}
