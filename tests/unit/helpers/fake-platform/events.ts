import type { PlatformEvent } from '../../../../src/platform/platform.ts';

/**
 * A browser event whose listeners the test can fire. Listeners run at once, in the order they
 * were added (the browser queues them; nothing in Margins depends on the difference), and each
 * listener is kept once however often it is added, as browsers do.
 */
export class FakeEvent<
  Listener extends (...args: never[]) => unknown,
> implements PlatformEvent<Listener> {
  private readonly listeners = new Set<Listener>();

  addListener(listener: Listener): void {
    this.listeners.add(listener);
  }

  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Calls every listener with these arguments; returns what each returned. */
  dispatch(...args: Parameters<Listener>): ReturnType<Listener>[] {
    return [...this.listeners].map((listener) =>
      (listener as (...args: Parameters<Listener>) => ReturnType<Listener>)(...args),
    );
  }
}
