// The batch CLI feeds the corpus scorer: one line per page, errors reported per page, gold never needed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { explainExtraction } from '../../../scripts/lib/explain.ts';
import { runBatch, type BatchLine } from '../../../scripts/lib/extract-batch.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const dir = mkdtempSync(path.join(tmpdir(), 'margins-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

copyFileSync(path.join(FIXTURES, 'no-metadata.html'), path.join(dir, 'a.html'));
writeFileSync(
  path.join(dir, 'b.html.gz'),
  gzipSync(readFileSync(path.join(FIXTURES, 'news7-pyongyang.html'))),
);
const manifest = path.join(dir, 'manifest.jsonl');
writeFileSync(
  manifest,
  [
    { id: 'a', url: 'http://millbrook-weekly.example/news/garden-prize.html', file: 'a.html' },
    {
      id: 'b',
      url: 'https://news7.asia/news/les-precedentes-visites-de-responsables-russes-a-pyongyang/',
      file: 'b.html.gz',
      contentType: 'text/html; charset=utf-8',
      gold: { title: 'never read' },
    },
    { id: 'missing', url: 'https://example.org/', file: 'nope.html' },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);

describe('extract batch mode', () => {
  it('writes one line per page and reports a missing file as an error line', async () => {
    const lines: BatchLine[] = [];
    await runBatch(manifest, (line) => lines.push(line));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'missing']);
    const [a, b, missing] = lines;
    expect(a && 'record' in a && a.record.byline).toBe('Jane Doe');
    expect(b && 'record' in b && b.record.title).toBe(
      'les précédentes visites de responsables russes à Pyongyang',
    );
    expect(missing && 'error' in missing && missing.error).toMatch(/ENOENT|no such file/);
  });

  it('prints clean JSON lines on stdout and fails bad arguments with exit code 2', () => {
    const cli = path.join(ROOT, 'scripts/extract.ts');
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const run = spawnSync(tsx, [cli, '--jsonl', manifest], { encoding: 'utf8', cwd: ROOT });
    expect(run.status).toBe(0);
    const parsed = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string });
    expect(parsed.map((p) => p.id)).toEqual(['a', 'b', 'missing']);
    expect(parsed[2]?.error).toBeTruthy();
    const bad = spawnSync(tsx, [cli, path.join(dir, 'absent.html')], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/no such file/);
  }, 30_000);
});

describe('extract --explain', () => {
  it("prints each field's value and source, and every source's candidates", () => {
    const dom = new JSDOM(readFileSync(path.join(FIXTURES, 'news7-pyongyang.html'), 'utf8'), {
      url: 'https://news7.asia/news/les-precedentes-visites-de-responsables-russes-a-pyongyang/',
    });
    const text = explainExtraction(dom.window.document);
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('publishedTime:'));
    const after = lines.slice(at + 1);
    const candidates = after.slice(
      0,
      after.findIndex((line) => !line.startsWith('    ')),
    );
    const chosen = lines[at] ?? '';
    expect(chosen).toMatch(/^publishedTime: "2024-06-18T20:17:30" ← [\w-]+$/);
    // The chosen source is among the candidates listed under the field.
    const source = chosen.split('← ')[1] ?? '';
    expect(candidates.some((line) => line.startsWith(`    ${source}:`))).toBe(true);
    expect(text).toMatch(/^byline: \["News7"\] ← /m);
  });
});
