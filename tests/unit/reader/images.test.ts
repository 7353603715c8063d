// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ArticleImage } from '../../../src/db/images.ts';
import { textOf } from '../../../src/shared/anchoring/dom.ts';
import { renderArticleBody } from '../../../src/shared/article-body.ts';
import { countImages } from '../../../src/ui/image-counts.ts';
import {
  remoteImageOrigins,
  REMOTE_IMAGE_CLASS,
  showStoredImages,
} from '../../../src/reader/images.ts';

const BODY = `<p>Before the picture.</p>
<figure><picture><source type="image/webp" srcset="https://cdn.example/a.webp 1600w">
<img src="https://cdn.example/a.jpg" alt="The harbour"></picture><figcaption>Caption.</figcaption></figure>
<p>Between <img src="https://other.example/b.png" alt="A map"> the two.</p>
<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></p>`;

/** The body as the reader renders it, its images pointing nowhere yet. */
function body(): HTMLElement {
  const root = document.createElement('div');
  root.append(renderArticleBody(BODY, document));
  return root;
}
const title = (url: string) => `not kept: ${url}`;

describe('the reader shows stored pictures and frames the others', () => {
  it('renders the body with no address of the publisher left on any image', () => {
    const root = body();
    const images = [...root.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('data-margins-source'))).toEqual([
      'https://cdn.example/a.webp',
      'https://other.example/b.png',
      null,
    ]);
    expect(images.map((img) => img.getAttribute('src'))).toEqual([
      null,
      null,
      'data:image/png;base64,iVBORw0KGgo=',
    ]);
    expect(root.querySelectorAll('source, [srcset]')).toHaveLength(0);
  });

  it('points a stored image at its picture and drops the publisher’s other sizes', () => {
    const root = body();
    showStoredImages(root, new Map([['https://cdn.example/a.webp', 'blob:a']]), title);
    const [stored, remote, inline] = root.querySelectorAll('img');
    expect(stored?.getAttribute('src')).toBe('blob:a');
    expect(stored?.hasAttribute('srcset')).toBe(false);
    expect(root.querySelectorAll('source')).toHaveLength(0);
    expect(remote?.hasAttribute('src')).toBe(false);
    expect(remote?.classList.contains(REMOTE_IMAGE_CLASS)).toBe(true);
    expect(remote?.title).toBe('not kept: https://other.example/b.png');
    expect(inline?.getAttribute('src')).toMatch(/^data:/);
  });

  it('puts a picture that arrives later in place, found by the address kept on the image', () => {
    const root = body();
    showStoredImages(root, new Map(), title);
    expect(root.querySelector('img')?.hasAttribute('src')).toBe(false);
    showStoredImages(root, new Map([['https://cdn.example/a.webp', 'blob:later']]), title);
    expect(root.querySelector('img')?.getAttribute('src')).toBe('blob:later');
    expect(root.querySelector('img')?.classList.contains(REMOTE_IMAGE_CLASS)).toBe(false);
  });

  it('leaves the article text, which highlights are measured on, as it was', () => {
    const root = body();
    const before = textOf(root);
    showStoredImages(root, new Map([['https://cdn.example/a.webp', 'blob:a']]), title);
    expect(textOf(root)).toBe(before);
  });
});

describe('what the note over the body counts', () => {
  const image = (url: string, status: ArticleImage['status']): ArticleImage => ({
    url,
    status,
    hash: status === 'stored' ? 'h' : null,
    bytes: 0,
  });
  const images = [
    image('https://a.example/1.jpg', 'stored'),
    image('https://b.example/2.jpg', 'no-access'),
    image('https://b.example/3.jpg', 'too-large'),
    image('https://c.example/4.jpg', 'waiting'),
  ];

  it('counts stored, waiting and remote images, and the ones too large', () => {
    expect(countImages(images)).toEqual({ stored: 1, waiting: 1, remote: 2, tooLarge: 1 });
  });

  it('asks access only to the sites of images not stored', () => {
    expect(remoteImageOrigins(images)).toEqual(['https://b.example/*']);
  });
});
