/**
 * A value the background keeps in `storage.local` for pages to show (the sync status, the
 * progress of fetching imported links): read once, then followed through `storage.onChanged`.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser.ts';

/**
 * The stored value, parsed (null until it has been read), and a way to show a value the
 * background just answered with: it wrote that value before answering, so any later change is
 * newer.
 */
export function useStoredValue<T>(
  key: string,
  parse: (stored: unknown) => T,
): [T | null, (value: T) => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setValue(parse(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get(key).then(
      (stored) => {
        // A change that arrived meanwhile is newer than what was read.
        if (current) setValue((seen) => seen ?? parse(stored[key]));
      },
      () => {
        if (current) setValue((seen) => seen ?? parse(undefined));
      },
    );
    return () => {
      current = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  return [value, setValue];
}
