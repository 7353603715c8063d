// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStoredListState, useListState } from '../../../src/ui/list-state.ts';

/** A search box bound to the kept list state, as the library's is. */
function SearchBox() {
  const [state, update] = useListState();
  return (
    <input value={state.text} onInput={(event) => update({ text: event.currentTarget.value })} />
  );
}

/** Lets queued microtasks and zero-delay timers run: a re-render, but not a frame. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useListState', () => {
  let root: HTMLElement;
  beforeEach(() => {
    localStorage.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('opens on what was kept, and keeps a change as soon as it is drawn', async () => {
    localStorage.setItem('margins.list', JSON.stringify({ text: 'ferry' }));
    render(<SearchBox />, root);
    const input = root.querySelector('input');
    if (!input) throw new Error('no search box drawn');
    expect(input.value).toBe('ferry');

    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    // A popup can be closed right after the user empties the search: the next one opens empty.
    expect(readStoredListState().text).toBe('');
  });
});
