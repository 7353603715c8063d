// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TagEditor } from '../../../src/ui/TagEditor.tsx';

/** A library that stores tag lists, each when the test answers its save. */
class SlowLibrary {
  readonly saves: { tags: string[]; answer: (saved: boolean) => void }[] = [];
  stored: string[] = [];
  save = (tags: string[]): Promise<boolean> =>
    new Promise((resolve) =>
      this.saves.push({
        tags,
        answer: (saved) => {
          if (saved) this.stored = tags;
          resolve(saved);
        },
      }),
    );
}

describe('TagEditor', () => {
  let root: HTMLElement;
  let library: SlowLibrary;
  const show = (tags: string[]) =>
    act(() =>
      render(<TagEditor inputId="tags" tags={tags} suggestions={[]} onSave={library.save} />, root),
    );
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
    await show([]);
    await type('Corée du Nord');
    await type('diplomatie');
    expect(chips()).toEqual(['Corée du Nord', 'diplomatie']);
    // One save at a time: the second list goes once the first is stored.
    expect(library.saves.map((save) => save.tags)).toEqual([['Corée du Nord']]);
    await act(() => library.saves[0]?.answer(true));
    await vi.waitFor(() => expect(library.saves).toHaveLength(2));
    // The first save's list arrives while the second is on its way.
    await show(['Corée du Nord']);
    expect(chips()).toEqual(['Corée du Nord', 'diplomatie']);
    // A chip removed now is removed from what the user sees, never from the stale list.
    await remove('Corée du Nord');
    expect(chips()).toEqual(['diplomatie']);
    await act(() => library.saves[1]?.answer(true));
    await vi.waitFor(() => expect(library.saves).toHaveLength(3));
    await show(['Corée du Nord', 'diplomatie']);
    expect(chips()).toEqual(['diplomatie']);
    await act(() => library.saves[2]?.answer(true));
    await show(['diplomatie']);
    expect(chips()).toEqual(['diplomatie']);
    // Stored in the order the user made the changes: the last list is the one kept.
    expect(library.stored).toEqual(['diplomatie']);
  });

  it('shows the library’s list again when the last save fails', async () => {
    await show(['Europe']);
    await type('Asie');
    expect(chips()).toEqual(['Europe', 'Asie']);
    await act(() => library.saves[0]?.answer(false));
    await vi.waitFor(() => expect(chips()).toEqual(['Europe']));
    // Another window changes the tags: shown at once when nothing is being saved here.
    await show(['Europe', 'Afrique']);
    expect(chips()).toEqual(['Europe', 'Afrique']);
  });
});
