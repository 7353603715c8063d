// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadingLibrary } from '../../../src/popup/components/LoadingLibrary.tsx';

describe('the library while its first read is under way', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });

  it('says it is loading, then after a few seconds why it can take long, as a status', () => {
    act(() => render(<LoadingLibrary />, root));
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Loading your library…');
    act(() => {
      vi.advanceTimersByTime(2900);
    });
    expect(status?.textContent).toBe('Loading your library…');
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(status?.textContent).toMatch(/^Loading your library….*reorganising your library/);
  });
});
