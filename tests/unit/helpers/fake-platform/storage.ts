import { isDeepStrictEqual } from 'node:util';
import type { Storage, StorageArea, StorageChange } from '../../../../src/platform/platform.ts';
import { FakeEvent } from './events.ts';

type ChangeListener = (changes: Record<string, StorageChange>, areaName: string) => void;

/**
 * A storage area that keeps values the way browsers do: copied in and out (a caller never holds
 * the stored object), and every write that changes something fires `storage.onChanged` with the
 * old and new values of the keys it changed.
 */
export class FakeStorageArea implements StorageArea {
  private readonly values = new Map<string, unknown>();

  constructor(
    private readonly areaName: 'local' | 'session',
    private readonly onChanged: FakeEvent<ChangeListener>,
  ) {}

  async get(keys: string | string[]): Promise<Record<string, unknown>> {
    const found: Record<string, unknown> = {};
    for (const key of [keys].flat()) {
      if (this.values.has(key)) found[key] = structuredClone(this.values.get(key));
    }
    return found;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const [key, value] of Object.entries(items)) {
      const stored = structuredClone(value);
      const old = this.values.get(key);
      this.values.set(key, stored);
      if (isDeepStrictEqual(old, stored)) continue;
      changes[key] = { newValue: structuredClone(stored) };
      if (old !== undefined) changes[key].oldValue = structuredClone(old);
    }
    this.announce(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const key of [keys].flat()) {
      if (!this.values.has(key)) continue;
      changes[key] = { oldValue: structuredClone(this.values.get(key)) };
      this.values.delete(key);
    }
    this.announce(changes);
  }

  /** Every stored key, for a test that checks nothing else was written. */
  keys(): string[] {
    return [...this.values.keys()];
  }

  /** What a browser restart does to session storage; it fires no change event. */
  forgetAll(): void {
    this.values.clear();
  }

  private announce(changes: Record<string, StorageChange>): void {
    if (Object.keys(changes).length > 0) this.onChanged.dispatch(changes, this.areaName);
  }
}

export class FakeStorage implements Storage {
  readonly onChanged = new FakeEvent<ChangeListener>();
  readonly local = new FakeStorageArea('local', this.onChanged);
  /** Kept only until the browser restarts (`FakePlatform.restartBrowser()` empties it). */
  readonly session = new FakeStorageArea('session', this.onChanged);
}
