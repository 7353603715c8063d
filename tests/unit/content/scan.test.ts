// Pins the one-walk page index the metadata layer reads instead of looking up the page each time.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { indexPage } from '../../../src/content/extract/scan.ts';

const PAGE_URL = 'https://news.example/world/2024/story.html';
const page = (html: string) => new JSDOM(html, { url: PAGE_URL }).window.document;

describe('indexPage', () => {
  it.each([
    ['no <base>', '', PAGE_URL],
    ['a relative <base href>', '<base href="/amp/">', 'https://news.example/amp/'],
    ['an absolute <base href>', '<base href="https://cdn.example/a/">', 'https://cdn.example/a/'],
    [
      'a <base> without href first',
      '<base target="_top"><base href="../">',
      'https://news.example/world/',
    ],
    ['a <base href> that is not a URL', '<base href="https://[bad">', PAGE_URL],
  ])('gives the base URL the browser would: %s', (_shape, head, expected) => {
    const doc = page(`<html><head>${head}</head><body><p>x</p></body></html>`);
    expect(indexPage(doc).base).toBe(expected);
    expect(indexPage(doc).base).toBe(doc.baseURI);
  });

  it('lists the elements of each looked-up tag in document order, wherever they sit', () => {
    const doc = page(`<html><head><meta name="a" content="1"></head><body>
      <header><h1 id="site">Site</h1></header>
      <article><h1 id="story">Story</h1><meta name="b" content="2"><time>today</time></article>
      <footer><time>then</time></footer></body></html>`);
    const index = indexPage(doc);
    expect(index.tagged('h1').map((el) => el.id)).toEqual(['site', 'story']);
    expect(index.tagged('meta').map((el) => el.getAttribute('name'))).toEqual(['a', 'b']);
    expect(index.tagged('time').map((el) => el.textContent)).toEqual(['today', 'then']);
    expect(index.tagged('nav')).toEqual([]);
  });

  it('collects microdata properties and rel=author links, and nothing else', () => {
    const doc = page(`<html><body><article itemscope>
      <span itemprop="author">Jane Roe</span><a rel="nofollow author" href="/p/sam">Sam Lee</a>
      <a rel="authority" href="/x">Not an author link</a><link rel="author" href="/humans.txt">
      <time itemprop="datePublished" datetime="2024-06-18">18 June</time></article></body></html>`);
    const { itemprops, authorLinks } = indexPage(doc);
    expect(itemprops.map((el) => el.getAttribute('itemprop'))).toEqual(['author', 'datePublished']);
    expect(authorLinks.map((el) => el.textContent)).toEqual(['Sam Lee']);
  });

  it.each([
    ['a password field', '<input type="Password" name="p">', 'link'],
    ['no password field', '<input type="search" name="q">', 'article'],
  ])('tells a short sign-in screen from a short article: %s', (_shape, field, kind) => {
    const doc = page(
      `<html><body><main><h1>Welcome back</h1><p>Enter your details below to read on, ` +
        `it only takes a moment.</p><form>${field}</form></main></body></html>`,
    );
    expect(extractArticle(doc).kind).toBe(kind);
  });

  it('keeps a short news brief on a site with a sign-in box as an article', () => {
    const doc = page(
      `<html lang="pt-BR"><body><header><form><input name="u"><input type="password" name="p">` +
        `</form></header><main><h1>Atendimento Domiciliar registra arrombamento</h1><p>A equipe ` +
        `do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou nesta manhã o ` +
        `arrombamento de dois dos cinco automóveis da unidade. Os veículos estavam sem as ` +
        `baterias e com marcas de depredação. Os pacientes agendados para a manhã estão sendo ` +
        `reagendados.</p></main></body></html>`,
    );
    expect(extractArticle(doc).kind).toBe('article');
  });

  it.each([
    ['an article when its metadata dates it', '2022-05-04T05:01:53+00:00', 'article'],
    ['a link when nothing dates it', '', 'link'],
  ])('takes the one-sentence lead above a paywall’s sign-in box for %s', (_shape, date, kind) => {
    const published = date ? `<meta property="article:published_time" content="${date}">` : '';
    const doc = page(
      `<html lang="en"><head><title>Prison official</title>${published}</head><body><main>` +
        `<h1>Prison official: anyone could escape</h1><p>A senior prison official has said in a ` +
        `sworn affidavit that anyone with sufficient determination to escape from the prison ` +
        `could do so.</p><div class="paywall"><p>You have no free articles left.</p><form>` +
        `<input name="email"><input type="password" name="p"></form></div></main></body></html>`,
    );
    expect(extractArticle(doc).kind).toBe(kind);
  });
});
