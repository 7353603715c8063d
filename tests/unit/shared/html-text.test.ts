// The body text read from serialised HTML (no DOM) is the text blockText reads from the parsed
// body, so a record's derived text does not depend on where it is derived.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlText } from '../../../src/shared/article-html/html-text.ts';
import { blockText } from '../../../src/shared/article-html/text.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';

const { document } = new JSDOM('<!doctype html><body></body>').window;

/** What a DOM serialiser writes for `html`, and the text blockText reads from that DOM. */
function viaDom(html: string): { serialised: string; text: string } {
  const container = document.createElement('div');
  container.innerHTML = html;
  return { serialised: container.innerHTML, text: blockText(container) };
}

describe('htmlText', () => {
  it('puts one line per block and joins inline runs without a space', () => {
    expect(htmlText('<h2>Title</h2><p>One <b>bo</b>ld.</p><p>Two<br>lines</p>')).toBe(
      'Title\nOne bold.\nTwo\nlines',
    );
  });

  it('decodes what a serialiser escapes and character references', () => {
    expect(htmlText('<p>Fish &amp; chips &lt;3 &gt; a&nbsp;b &#233;t&#xE9; &eacute;</p>')).toBe(
      'Fish & chips <3 > a b été &eacute;',
    );
  });

  it('leaves out ruby readings, as blockText does (ja)', () => {
    const html =
      '<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby></p>';
    expect(htmlText(viaDom(html).serialised)).toBe('子どもへの虐待');
    expect(viaDom(html).text).toBe('子どもへの虐待');
  });

  it('reads attributes holding > and quotes as part of their tag', () => {
    expect(htmlText('<p><img alt="a > b" title=\'x>y\'>Caption</p>')).toBe('Caption');
  });

  it('leaves out scripts, styles, noscript and template content', () => {
    const html =
      '<p>Kept</p><script>if (a < b) document.write("</p>")</script><style>p>b{}</style>' +
      '<noscript><p>No</p></noscript><template><template>x</template>y</template><p>Also</p>';
    expect(htmlText(html)).toBe('Kept\nAlso');
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(htmlText('<pre>a  b\n  c</pre><p>d   e</p>')).toBe('a b\nc\nd e');
  });

  it('separates table cells', () => {
    expect(htmlText('<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>')).toBe(
      'a b\nc',
    );
  });

  it('matches blockText on any body a serialiser writes', () => {
    const word = fc.stringMatching(/^[a-zé&<>"' \u00a0\n]{0,6}$/);
    const tag = fc.constantFrom('p', 'b', 'i', 'a', 'span', 'div', 'li', 'pre', 'td', 'h2', 'br');
    const body = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        word.map((text) => {
          const container = document.createElement('span');
          container.textContent = text;
          return container.innerHTML;
        }),
        fc
          .tuple(tag, fc.array(tie('node'), { maxLength: 4 }))
          .map(([name, children]) => `<${name} title="x>y">${children.join('')}</${name}>`),
      ),
    })).node;
    fc.assert(
      fc.property(body, (html) => {
        const { serialised, text } = viaDom(html);
        expect(htmlText(serialised)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('matches blockText on a real article body', () => {
    const file = new URL('../../fixtures/news7-pyongyang.html', import.meta.url);
    const page = new JSDOM(readFileSync(file, 'utf8'), { url: 'https://example.test/a' });
    const { contentHtml } = extractArticle(page.window.document);
    expect(contentHtml.length).toBeGreaterThan(1000);
    expect(htmlText(viaDom(contentHtml).serialised)).toBe(viaDom(contentHtml).text);
  });
});
