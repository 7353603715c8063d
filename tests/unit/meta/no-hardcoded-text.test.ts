/**
 * Every word the user reads comes from the message catalogue: JSX text with letters in it, or a
 * literal string in an attribute the user sees or hears (aria-label, title, placeholder, alt),
 * fails here. Symbols such as "×" or "·" are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'aria-description',
]);
const HAS_LETTERS = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

function hardCodedTexts(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTERS.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      VISIBLE_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      HAS_LETTERS.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${relative(ROOT, file)}: ${text}`);
}

describe('user-facing text', () => {
  it('is never written into the components', () => {
    const files = tsxFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(hardCodedTexts)).toEqual([]);
  });

  it('would catch a hard-coded sentence (the check itself can fail)', () => {
    const probe = join(ROOT, 'tests/unit/meta/fixtures/hard-coded.tsx');
    expect(hardCodedTexts(probe)).toEqual([
      'tests/unit/meta/fixtures/hard-coded.tsx: Saved to your library',
      'tests/unit/meta/fixtures/hard-coded.tsx: aria-label="Close"',
    ]);
  });
});
