/**
 * While a sync works, the worker calls an extension API often enough that Chrome does not stop
 * it (30 s without one); once the work is over, it stops calling.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { KEEP_ALIVE_MS, keepingWorkerAlive } from '../../../src/sync/keep-alive.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';

let browser: FakePlatform;

beforeEach(() => {
  vi.useFakeTimers();
  browser = installFakePlatform();
});

afterEach(() => {
  vi.useRealTimers();
});

test('a long sync calls the extension API well within every 30 s, and not after it ended', async () => {
  expect(KEEP_ALIVE_MS).toBeLessThan(30_000);
  let finish: (value: string) => void = () => undefined;
  const running = keepingWorkerAlive(() => new Promise<string>((resolve) => (finish = resolve)));
  await vi.advanceTimersByTimeAsync(95_000);
  expect(browser.runtime.platformInfoCalls).toBe(Math.floor(95_000 / KEEP_ALIVE_MS));
  finish('done');
  await expect(running).resolves.toBe('done');
  const before = browser.runtime.platformInfoCalls;
  await vi.advanceTimersByTimeAsync(95_000);
  expect(browser.runtime.platformInfoCalls).toBe(before);
});

test('a sync that fails stops the calls too, and its error comes through', async () => {
  const failing = keepingWorkerAlive(async () => {
    await new Promise((resolve) => setTimeout(resolve, 45_000));
    throw new Error('server unreachable');
  });
  const outcome = expect(failing).rejects.toThrow('server unreachable');
  await vi.advanceTimersByTimeAsync(45_000);
  await outcome;
  expect(browser.runtime.platformInfoCalls).toBe(2);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(browser.runtime.platformInfoCalls).toBe(2);
});
