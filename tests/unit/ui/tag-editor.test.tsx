// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TagEditor } from '../../../src/ui/TagEditor.tsx';

interface StoredTags {
  tags: string[];
  updatedAt: string;
}

/**
 * A library that stores tag lists, each when the test answers its save, and keeps every list it
 * stored with the time it was stored (a second apart), as the article's live query would report
 * them.
 */
class SlowLibrary {
  readonly saves: { tags: string[]; answer: (saved: boolean) => void }[] = [];
  readonly history: StoredTags[] = [{ tags: [], updatedAt: new Date(0).toISOString() }];
  get stored() {
    return this.history.at(-1) as StoredTags;
  }
  save = (tags: string[]): Promise<StoredTags | null> =>
    new Promise((resolve) =>
      this.saves.push({
        tags,
        answer: (saved) => {
          if (!saved) return resolve(null);
          const updatedAt = new Date(this.history.length * 1000).toISOString();
          this.history.push({ tags, updatedAt });
          resolve(this.stored);
        },
      }),
    );
  /** Another window's change. */
  change(tags: string[]) {
    this.history.push({ tags, updatedAt: new Date(this.history.length * 1000).toISOString() });
    return this.stored;
  }
}

describe('TagEditor', () => {
  let root: HTMLElement;
  let library: SlowLibrary;
  /** What the live query reports: by default the library's latest list. */
  const show = (stored: StoredTags = library.stored) =>
    act(() =>
      render(
        <TagEditor inputId="tags" stored={stored} suggestions={[]} onSave={library.save} />,
        root,
      ),
    );
  /** Answers a save, and lets the editor take the answer in before the test goes on. */
  const answer = (index: number, saved: boolean) =>
    act(async () => {
      library.saves[index]?.answer(saved);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  /** A list the library stored with a given set of tags, as a late live query reports it. */
  const storedWith = (...tags: string[]) =>
    library.history.find((stored) => stored.tags.join() === tags.join()) as StoredTags;
  const chips = () => [...root.querySelectorAll('li span')].map((chip) => chip.textContent);
  const type = async (tag: string) => {
    const input = root.querySelector('input') as HTMLInputElement;
    await act(() => {
      input.value = tag;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
  };
  const remove = (tag: string) =>
    act(() => {
      const chip = [...root.querySelectorAll('li')].find(
        (item) => item.querySelector('span')?.textContent === tag,
      );
      chip?.querySelector('button')?.click();
    });

  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    library = new SlowLibrary();
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('keeps the latest change on screen while the library still reports an earlier save', async () => {
    await show();
    await type('Corée du Nord');
    await type('diplomatie');
    expect(chips()).toEqual(['Corée du Nord', 'diplomatie']);
    // One save at a time: the second list goes once the first is stored.
    expect(library.saves.map((save) => save.tags)).toEqual([['Corée du Nord']]);
    await answer(0, true);
    await vi.waitFor(() => expect(library.saves).toHaveLength(2));
    // The first save's list arrives while the second is on its way.
    await show(storedWith('Corée du Nord'));
    expect(chips()).toEqual(['Corée du Nord', 'diplomatie']);
    // A chip removed now is removed from what the user sees, never from the stale list.
    await remove('Corée du Nord');
    expect(chips()).toEqual(['diplomatie']);
    await answer(1, true);
    await vi.waitFor(() => expect(library.saves).toHaveLength(3));
    await show(storedWith('Corée du Nord', 'diplomatie'));
    expect(chips()).toEqual(['diplomatie']);
    await answer(2, true);
    await show();
    expect(chips()).toEqual(['diplomatie']);
    // Stored in the order the user made the changes: the last list is the one kept.
    expect(library.stored.tags).toEqual(['diplomatie']);
  });

  it('does not show a list from before its last save when the library reports it late', async () => {
    await show();
    await type('Corée du Nord');
    await answer(0, true);
    await type('diplomatie');
    await answer(1, true);
    // Every save answered; the live query only now reports the first save's list.
    await show(storedWith('Corée du Nord'));
    expect(chips()).toEqual(['Corée du Nord', 'diplomatie']);
    // So a chip removed now leaves the other tag stored, rather than storing no tag at all.
    await remove('Corée du Nord');
    await answer(2, true);
    expect(library.stored.tags).toEqual(['diplomatie']);
    await show();
    expect(chips()).toEqual(['diplomatie']);
  });

  it('shows the library’s list again when the last save fails', async () => {
    await show(library.change(['Europe']));
    await type('Asie');
    expect(chips()).toEqual(['Europe', 'Asie']);
    await answer(0, false);
    await vi.waitFor(() => expect(chips()).toEqual(['Europe']));
    // Another window changes the tags: shown at once when nothing is being saved here.
    await show(library.change(['Europe', 'Afrique']));
    expect(chips()).toEqual(['Europe', 'Afrique']);
  });

  it('shows another window’s later change after its own save', async () => {
    await show();
    await type('Europe');
    await answer(0, true);
    await show(library.change(['Europe', 'Afrique']));
    expect(chips()).toEqual(['Europe', 'Afrique']);
  });
});
