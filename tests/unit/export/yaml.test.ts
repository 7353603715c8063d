import { describe, expect, it } from 'vitest';
import { frontMatter, yamlString } from '../../../src/export/yaml.ts';

describe('YAML front matter', () => {
  it.each([
    ['plain', 'A story'],
    ['YAML syntax', ': - # "quoted" \'single\' {a: [b]} & * ! | > % @ `'],
    ['line breaks', 'one\ntwo\r\nthree\tfour'],
    ['backslashes', 'C:\\path\\to'],
    ['controls', '\u0000\u0007\u001b\u007f\u0085\u2028\u2029\ufeff'],
    ['emoji and RTL', '🌍 مرحبا \u202eevil'],
  ])('quotes %s so the value reads back exactly', (_name, text) => {
    const scalar = yamlString(text);
    expect(scalar).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    // The escapes used are also JSON's, so JSON reads back what a YAML reader would.
    expect(JSON.parse(scalar)).toBe(text);
  });

  it('replaces a lone surrogate, which UTF-8 cannot hold', () => {
    expect(JSON.parse(yamlString('a\ud800b'))).toBe('a\ufffdb');
  });

  it('leaves out missing values and writes lists one item a line', () => {
    expect(
      frontMatter([
        ['title', 'T'],
        ['byline', null],
        ['tags', ['a', 'b']],
        ['authors', []],
      ]),
    ).toBe('---\ntitle: "T"\ntags:\n  - "a"\n  - "b"\n---\n');
  });
});
