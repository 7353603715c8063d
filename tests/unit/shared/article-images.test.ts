// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  imageSourceOf,
  imageSourcesIn,
  MAX_IMAGES_PER_ARTICLE,
  parseSrcset,
  pickCandidate,
} from '../../../src/shared/article-images.ts';

const body = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
};
const img = (html: string) => body(html).querySelector('img') as HTMLImageElement;

describe('srcset choice for a reader column', () => {
  it('takes the narrowest candidate at least 1400 px wide', () => {
    const set =
      'https://i.example/a-480.jpg 480w, https://i.example/a-1600.jpg 1600w, https://i.example/a-2400.jpg 2400w';
    expect(pickCandidate(parseSrcset(set))).toBe('https://i.example/a-1600.jpg');
  });

  it('takes the widest when none is wide enough', () => {
    const set = 'https://i.example/s.jpg 320w, https://i.example/m.jpg 800w';
    expect(pickCandidate(parseSrcset(set))).toBe('https://i.example/m.jpg');
  });

  it('takes 2x over 1x and 3x when candidates are by density', () => {
    const set = 'https://i.example/1.jpg, https://i.example/2.jpg 2x, https://i.example/3.jpg 3x';
    expect(pickCandidate(parseSrcset(set))).toBe('https://i.example/2.jpg');
  });

  it('keeps commas inside an address (image services put them in paths)', () => {
    const set =
      'https://img.example/c_fill,w_400/a.jpg 400w, https://img.example/c_fill,w_1500/a.jpg 1500w';
    expect(parseSrcset(set).map((c) => c.url)).toEqual([
      'https://img.example/c_fill,w_400/a.jpg',
      'https://img.example/c_fill,w_1500/a.jpg',
    ]);
  });

  it('passes over candidates that are not web addresses', () => {
    expect(parseSrcset('data:image/gif;base64,R0lGOD 1x, javascript:alert(1) 2x')).toEqual([]);
  });
});

describe('the image a saved copy keeps', () => {
  it("prefers a picture's source without a media query over the img's own", () => {
    const chosen = imageSourceOf(
      img(`<picture>
        <source media="(max-width: 600px)" srcset="https://i.example/narrow.jpg 600w">
        <source type="image/jxl" srcset="https://i.example/a.jxl 1600w">
        <source type="image/webp" srcset="https://i.example/a.webp 1600w, https://i.example/a-big.webp 3000w">
        <img src="https://i.example/a.jpg" alt="">
      </picture>`),
    );
    expect(chosen).toBe('https://i.example/a.webp');
  });

  it('falls back to src, and to nothing for data: images', () => {
    expect(imageSourceOf(img('<img src="https://i.example/a.png">'))).toBe(
      'https://i.example/a.png',
    );
    expect(imageSourceOf(img('<img src="data:image/png;base64,iVBO">'))).toBeNull();
  });

  it('lists each address once, in reading order, up to the limit', () => {
    const many = Array.from(
      { length: MAX_IMAGES_PER_ARTICLE + 5 },
      (_, n) => `<img src="https://i.example/${n}.jpg">`,
    ).join('');
    const root = body(
      `<img src="https://i.example/b.jpg"><p><img src="https://i.example/a.jpg"></p><img src="https://i.example/b.jpg">${many}`,
    );
    const sources = imageSourcesIn(root);
    expect(sources.slice(0, 3)).toEqual([
      'https://i.example/b.jpg',
      'https://i.example/a.jpg',
      'https://i.example/0.jpg',
    ]);
    expect(sources).toHaveLength(MAX_IMAGES_PER_ARTICLE);
  });
});
