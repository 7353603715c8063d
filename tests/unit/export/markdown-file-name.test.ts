import { describe, expect, it } from 'vitest';
import { MarkdownFileNames, slugOf } from '../../../src/export/markdown-file-name.ts';

const SAFE_NAME = /^[\p{L}\p{M}\p{N}-]+\.md$/u;

function nameFor(title: string, id = '3f2a9c1e-7b4d', url = 'https://news.example/a'): string {
  return new MarkdownFileNames().nameFor({ id, title, url });
}

describe('Markdown file names', () => {
  it('are the title words and a short id', () => {
    expect(nameFor('A Story: Part 2!')).toBe('a-story-part-2-3f2a9c1e.md');
    expect(nameFor('Café société 🌍')).toBe('café-société-3f2a9c1e.md');
    expect(nameFor('مرحبا بالعالم')).toBe('مرحبا-بالعالم-3f2a9c1e.md');
  });

  it.each([
    '../../etc/passwd',
    '..\\..\\Windows\\System32',
    'CON',
    'aux.txt',
    'name. ',
    'a<b>c:d"e/f\\g|h?i*j',
    '\u202etxt.exe',
    '/absolute',
    '',
    '   ',
  ])('stay inside the folder and valid on Windows for %j', (title) => {
    const name = nameFor(title);
    expect(name).toMatch(SAFE_NAME);
    expect(name).not.toContain('..');
    expect(name.endsWith('-3f2a9c1e.md')).toBe(true);
  });

  it('fall back to the site when the title has no words', () => {
    expect(nameFor('!!!')).toBe('news-example-3f2a9c1e.md');
  });

  it('are limited in length without cutting a character', () => {
    expect(new TextEncoder().encode(nameFor('é'.repeat(500))).length).toBeLessThanOrEqual(100);
    expect(slugOf('漢'.repeat(100))).toBe('漢'.repeat(26));
    // Four UTF-8 bytes and two UTF-16 units each: never split in half.
    expect(slugOf('𝒜'.repeat(100))).toBe('𝒜'.repeat(20));
  });

  it('never repeat, even ignoring case', () => {
    const names = new MarkdownFileNames();
    names.reserve('index.md');
    const given = [
      names.nameFor({ id: 'same', title: 'Title', url: 'https://a.example' }),
      names.nameFor({ id: 'SAME', title: 'title', url: 'https://a.example' }),
      names.nameFor({ id: 'same', title: 'TITLE', url: 'https://a.example' }),
      names.nameFor({ id: '', title: 'index', url: 'https://a.example' }),
    ];
    expect(given).toEqual(['title-same.md', 'title-same-2.md', 'title-same-3.md', 'index-2.md']);
  });
});
