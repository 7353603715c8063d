// Table-driven: every fixture page must produce exactly the fields its NAME.expected.json lists.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { ArticleSnapshotSchema } from '../../../src/shared/article.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const NAMES = [
  'news7-pyongyang',
  'jsonld-graph',
  'opengraph-only',
  'no-metadata',
  'not-article',
  'rtl-arabic',
  'related-times',
  'syndicated-source',
  'credits-de',
  'boxes-en',
  'table-en',
  'builder-de',
  'posts-es',
  'changed-de',
  'recipe-de',
  'paywall-en',
  'aside-de',
  'dialog-de',
  'standfirst-de',
  'section-title-de',
];

interface Expectation {
  page: string;
  servedAt: string;
  expected: Record<string, unknown>;
  bodyMustContain?: string[];
  bodyMustNotContain?: string[];
  htmlMustContain?: string[];
  /** Lines the page prints more than once (a slideshow's captions) that the body holds once. */
  bodyOnce?: string[];
  excerptStartsWith?: string;
}

function load(name: string): { spec: Expectation; dom: JSDOM } {
  const spec = JSON.parse(
    readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'),
  ) as Expectation;
  const html = readFileSync(path.join(FIXTURES, spec.page), 'utf8');
  return { spec, dom: new JSDOM(html, { url: spec.servedAt }) };
}

describe.each(NAMES)('extractArticle on %s', (name) => {
  const { spec, dom } = load(name);
  const doc = dom.window.document;
  const before = doc.documentElement.outerHTML;
  const snapshot = extractArticle(doc);

  it('passes the snapshot schema', () => {
    expect(() => v.parse(ArticleSnapshotSchema, snapshot)).not.toThrow();
  });

  it('matches every expected field', () => {
    const actual = Object.fromEntries(
      Object.keys(spec.expected).map((key) => [key, snapshot[key as keyof typeof snapshot]]),
    );
    expect(actual).toEqual(spec.expected);
  });

  it('keeps the body text it must and drops what it must not', () => {
    for (const text of spec.bodyMustContain ?? []) expect(snapshot.textContent).toContain(text);
    for (const text of spec.bodyMustNotContain ?? []) {
      expect(snapshot.textContent).not.toContain(text);
    }
    for (const html of spec.htmlMustContain ?? []) expect(snapshot.contentHtml).toContain(html);
    for (const line of spec.bodyOnce ?? [])
      expect(snapshot.textContent.split(line)).toHaveLength(2);
    if (spec.excerptStartsWith)
      expect(snapshot.excerpt?.startsWith(spec.excerptStartsWith)).toBe(true);
  });

  it('leaves the document unchanged and the HTML inert', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(snapshot.contentHtml).not.toMatch(/<script|<iframe|<form|\son\w+=|javascript:/i);
  });
});

describe('extractArticle details', () => {
  it('separates blocks in textContent and counts words', () => {
    const { dom } = load('news7-pyongyang');
    const snapshot = extractArticle(dom.window.document);
    expect(snapshot.textContent).not.toMatch(/Belooussov\.Cette/);
    expect(snapshot.textContent).toMatch(/Belooussov\.\nCette/);
    expect(snapshot.wordCount).toBeGreaterThan(500);
  });

  it('is the same when run twice on the same document', () => {
    const { dom } = load('jsonld-graph');
    expect(extractArticle(dom.window.document)).toEqual(extractArticle(dom.window.document));
  });
});

// Regression: the seed page's "Source link" also points back to its own canonical address; read
// from another host (a mirror, a cache, a local test server) that self-link was taken for the
// original publisher.
describe('the seed page read from another host', () => {
  it('still names the original publisher, not its own canonical address', () => {
    const { spec } = load('news7-pyongyang');
    const html = readFileSync(path.join(FIXTURES, spec.page), 'utf8');
    const dom = new JSDOM(html, { url: 'http://127.0.0.1:8080/news7-pyongyang.html' });
    const snapshot = extractArticle(dom.window.document);
    expect(snapshot.canonicalUrl).toBe(spec.expected.canonicalUrl);
    expect(snapshot.originalSourceUrl).toBe(spec.expected.originalSourceUrl);
  });
});
