// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { onLibraryChange } from '../../../src/db/read/changes.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { useLiveQuery } from '../../../src/ui/use-live-query.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

/** Shows how many articles the library holds, counting its own reads. */
function ArticleCount({ db, reads }: { db: MarginsDatabase; reads: { count: number } }) {
  const state = useLiveQuery(
    ['articles'],
    () => {
      reads.count += 1;
      return db.articles.count();
    },
    [db],
  );
  return <p>{state.status === 'ready' ? `${state.value} articles` : state.status}</p>;
}

/** Resolves after listeners have been told of the next committed write, whatever it wrote. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const stop = onLibraryChange(() => {
      stop();
      resolve();
    });
  });
}

describe('useLiveQuery', () => {
  let root: HTMLElement;
  let db: MarginsDatabase;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    db = openDatabase(`live-${Math.random()}`);
  });
  afterEach(async () => {
    render(null, root);
    root.remove();
    await db.delete();
  });

  it('shows the answer, and the new answer once a write to a store it reads commits', async () => {
    const reads = { count: 0 };
    render(<ArticleCount db={db} reads={reads} />, root);
    expect(root.textContent).toBe('loading');
    await vi.waitFor(() => expect(root.textContent).toBe('0 articles'));
    await saveSnapshot(db, makeSnapshot(), new Date());
    await vi.waitFor(() => expect(root.textContent).toBe('1 articles'));
  });

  it('does not read again after a write that touched none of its stores', async () => {
    const reads = { count: 0 };
    render(<ArticleCount db={db} reads={reads} />, root);
    await vi.waitFor(() => expect(root.textContent).toBe('0 articles'));
    const readsBefore = reads.count;
    const told = nextChange();
    await db.syncMeta.put({ key: 'checkpoint', value: '42' });
    await told;
    expect(reads.count).toBe(readsBefore);
    const toldAgain = nextChange();
    await saveSnapshot(db, makeSnapshot(), new Date());
    await toldAgain;
    await vi.waitFor(() => expect(root.textContent).toBe('1 articles'));
    expect(reads.count).toBe(readsBefore + 1);
  });

  it('reports a failed read, and reads again after the next write', async () => {
    let fail = true;
    function Flaky() {
      const state = useLiveQuery(
        ['articles'],
        () => (fail ? Promise.reject(new Error('disk full')) : db.articles.count()),
        [],
      );
      return <p>{state.status === 'failed' ? state.error.message : state.status}</p>;
    }
    render(<Flaky />, root);
    await vi.waitFor(() => expect(root.textContent).toBe('disk full'));
    fail = false;
    await saveSnapshot(db, makeSnapshot(), new Date());
    await vi.waitFor(() => expect(root.textContent).toBe('ready'));
  });

  it('shows only the latest answer when an earlier, slower one arrives after it', async () => {
    const answers: (() => void)[] = [];
    function Latest({ id }: { id: string }) {
      const state = useLiveQuery(
        ['articles'],
        () => new Promise<string>((resolve) => answers.push(() => resolve(id))),
        [id],
      );
      return <p>{state.status === 'ready' ? state.value : state.status}</p>;
    }
    render(<Latest id="first" />, root);
    render(<Latest id="second" />, root);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]?.();
    await vi.waitFor(() => expect(root.textContent).toBe('second'));
    answers[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.textContent).toBe('second');
  });
});
