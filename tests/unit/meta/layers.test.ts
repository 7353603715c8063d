/**
 * The walls between the folders of src/ are lint rules made from one table (layers.json). This
 * lints imports placed where the table forbids or allows them and checks that the rules fire
 * exactly there, that the table covers every folder of src/, and that the README's Layers
 * section draws the same arrows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

interface Row {
  imports: string[];
  typesFrom?: string[];
}
const layers = JSON.parse(readFileSync(join(ROOT, 'layers.json'), 'utf8')) as {
  pages: string[];
  rooms: Record<string, Row>;
};
const rooms = Object.keys(layers.rooms);
const WALL_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // The first run loads the configuration and its plugins: seconds on a busy machine.
  await eslint.lintText('', { filePath: join(ROOT, 'src/shared/x.ts') });
}, 60_000);

/** The wall errors ESLint reports for `code` as if it were the file at `filePath`. */
async function wallErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && WALL_RULES.has(message.ruleId))
    .map((message) => message.message);
}

const valueImport = (from: string) => `import { x } from '${from}';\nexport { x };\n`;
const typeImport = (from: string) => `import type { X } from '${from}';\nexport type { X };\n`;
const lazyImport = (from: string) => `export const load = () => import('${from}');\n`;

describe('the lint rules', () => {
  it('reject the storage layer importing a page', async () => {
    const errors = await wallErrors('src/db/x.ts', valueImport('../popup/first-screen.ts'));
    expect(errors).toEqual([
      expect.stringContaining('src/db/ may import only from shared, search'),
    ]);
  });

  it('reject one page importing another, from any depth', async () => {
    expect(
      await wallErrors(
        'src/reader/components/ArticleHeader.tsx',
        valueImport('../../popup/components/ArticleMeta.tsx'),
      ),
    ).toHaveLength(1);
  });

  it('reject a lazily loaded import across a wall', async () => {
    expect(await wallErrors('src/content/main.ts', lazyImport('../db/schema.ts'))).toEqual([
      expect.stringContaining('src/content/ may import only from shared, platform'),
    ]);
  });

  it('let the storage layer take the parsed item type from import/, and nothing else', async () => {
    expect(await wallErrors('src/db/import.ts', typeImport('../import/types.ts'))).toEqual([]);
    expect(await wallErrors('src/db/import.ts', valueImport('../import/detect.ts'))).toHaveLength(
      1,
    );
  });

  it('allow what the table allows and imports inside a room', async () => {
    expect(await wallErrors('src/db/x.ts', valueImport('../shared/url.ts'))).toEqual([]);
    expect(await wallErrors('src/db/read/x.ts', valueImport('../../search/tokenize.ts'))).toEqual(
      [],
    );
    expect(await wallErrors('src/popup/components/x.tsx', valueImport('../format.ts'))).toEqual([]);
    expect(await wallErrors('src/popup/x.ts', lazyImport('../db/export-stream.ts'))).toEqual([]);
  });

  it('fire for every pair of rooms the table does not join, and for no other', async () => {
    const wrong: string[] = [];
    for (const from of rooms) {
      const row = layers.rooms[from] as Row;
      const targets = rooms.filter((room) => room !== from);
      // One file per room, one import per line; one level down, so each import climbs twice.
      const code = targets.map((to, i) => `import { x${i} } from '../../${to}/y.ts';`).join('\n');
      const [result] = await eslint.lintText(code, {
        filePath: join(ROOT, `src/${from}/deep/x.ts`),
      });
      const walled = new Set(
        (result?.messages ?? [])
          .filter((message) => message.ruleId !== null && WALL_RULES.has(message.ruleId))
          .map((message) => message.line),
      );
      targets.forEach((to, i) => {
        if (row.imports.includes(to) === walled.has(i + 1)) wrong.push(`${from} → ${to}`);
      });
    }
    expect(wrong).toEqual([]);
  });
});

describe('relative imports', () => {
  it('name the file with its extension, in src/ and in tests alike', async () => {
    expect(await wallErrors('src/content/extract/x.ts', valueImport('./title'))).toEqual([
      expect.stringContaining('Name the file with its extension'),
    ]);
    expect(await wallErrors('tests/unit/x.test.ts', valueImport('../../src/db/x'))).toHaveLength(1);
    expect(await wallErrors('src/content/extract/x.ts', valueImport('./title.ts'))).toEqual([]);
  });
});

describe('the table', () => {
  it('has a row for every folder of src/, and a folder for every row', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...rooms].sort()).toEqual(folders.sort());
  });

  it('names no folder inside a room like a room (the rules read the import text alone)', () => {
    const clashes = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.parentPath !== join(ROOT, 'src'))
      .filter((entry) => rooms.includes(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
    expect(clashes).toEqual([]);
  });

  it('lets no room import a page, and only rooms it knows', () => {
    for (const [room, row] of Object.entries(layers.rooms)) {
      const reached = [...row.imports, ...(row.typesFrom ?? [])];
      expect(reached.filter((other) => layers.pages.includes(other))).toEqual([]);
      expect(reached.filter((other) => !rooms.includes(other) || other === room)).toEqual([]);
    }
  });
});

describe("the README's Layers section", () => {
  it('draws the arrows of the table, one line per room', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /^### Layers\n[\s\S]*?```\n([\s\S]*?)```/m.exec(readme)?.[1];
    expect(section).toBeDefined();
    const drawn = Object.fromEntries(
      (section ?? '')
        .trim()
        .split('\n')
        .map((line) => {
          const [room = '', targets = ''] = line.split('→').map((part) => part.trim());
          const names = targets === 'nothing' ? [] : targets.split(/,\s*/);
          const typesFrom = names.filter((name) => name.endsWith(' (types only)'));
          const row: Row = { imports: names.filter((name) => !typesFrom.includes(name)) };
          if (typesFrom.length) row.typesFrom = typesFrom.map((name) => name.split(' ')[0] ?? '');
          return [room, row];
        }),
    );
    expect(drawn).toEqual(layers.rooms);
  });
});
