/**
 * Schema.org JSON-LD: graphs, arrays, @id references, nested authors, and sometimes several
 * articles per page.
 */
import { collapseSpace } from '../../../shared/article-html/text.ts';
import type { Found, Reading } from './types.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE =
  /(?:Article|BlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|APIReference|LiveBlogPosting|Review|Recipe|HowTo|ScholarlyArticle)$/;
const PAGE_TYPE = /(?:WebPage|ItemPage|AboutPage|ProfilePage|QAPage)$/;

/** How deep a value is followed for its text or address; real pages nest two or three levels. */
const MAX_HOPS = 8;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const types = (node: JsonObject): string[] =>
  [node['@type']].flat().filter((x): x is string => typeof x === 'string');

/**
 * Parses a block, tolerating CDATA wrappers, comments, trailing commas and raw newlines in strings.
 */
function parseBlock(text: string): Json | undefined {
  const cleaned = text.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '').trim();
  for (const attempt of [
    cleaned,
    cleaned.replace(/,\s*([}\]])/g, '$1').replace(/[\n\r\t]+/g, ' '),
  ]) {
    try {
      return JSON.parse(attempt) as Json;
    } catch {
      // Try the repaired text next; a block that still fails is ignored.
    }
  }
  return undefined;
}

/** Every object node of every JSON-LD block, flattening arrays, @graph and mainEntity. */
export function collectNodes(scripts: readonly Element[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) value.forEach((item) => visit(item, depth));
    else if (isObject(value)) {
      nodes.push(value);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) visit(value[key], depth + 1);
    }
  };
  for (const script of scripts) visit(parseBlock(script.textContent ?? ''), 0);
  return nodes;
}

/** Path of an address without query or hash, for comparing a node's url with the page's. */
const urlKey = (value: string | null | undefined): string =>
  (value ?? '')
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');

/** Picks the page's own article among several: the one about this URL, else the fullest. */
function mainArticle(
  nodes: JsonObject[],
  pageUrls: readonly string[],
  url: (v: Json | undefined) => string | null,
): JsonObject | undefined {
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  const keys = new Set(pageUrls.map(urlKey).filter(Boolean));
  const own = articles.find((n) =>
    [n['url'], n['mainEntityOfPage'], n['@id']].some((v) => keys.has(urlKey(url(v)))),
  );
  if (own) return own;
  const weight = (n: JsonObject): number =>
    (n['articleBody'] ? 4 : 0) +
    (n['author'] ? 2 : 0) +
    (n['datePublished'] ? 2 : 0) +
    (n['headline'] ? 1 : 0);
  const best = [...articles].sort((a, b) => weight(b) - weight(a))[0];
  return best ?? nodes.find((n) => types(n).some((t) => PAGE_TYPE.test(t)) && n['datePublished']);
}

/** The JSON-LD reading of the page's main article (nothing when there is none). */
export function readJsonLd(scripts: readonly Element[], pageUrls: readonly string[]): Reading {
  const nodes = collectNodes(scripts);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id) && Object.keys(node).length > 1) byId.set(id, node);
  }
  const resolve = (value: Json | undefined): Json | undefined =>
    isObject(value) && typeof value['@id'] === 'string' && !value['name']
      ? (byId.get(value['@id']) ?? value)
      : value;
  // References may form a cycle (`{"@id": "#a", "name": {"@id": "#a"}}`): a value is followed
  // through at most MAX_HOPS objects, arrays or references.
  const text = (value: Json | undefined, hops = 0): string | null => {
    if (hops > MAX_HOPS) return null;
    if (Array.isArray(value)) return text(value[0], hops + 1);
    const v = resolve(value);
    if (typeof v === 'string') return collapseSpace(v) || null;
    if (typeof v === 'number') return String(v);
    if (isObject(v)) return text(v['name'] ?? v['@value'] ?? v['alternateName'], hops + 1);
    return null;
  };
  const names = (value: Json | undefined): string[] =>
    [value ?? []]
      .flat()
      .map((item) => text(item))
      .filter((n): n is string => !!n);
  const url = (value: Json | undefined, hops = 0): string | null => {
    if (hops > MAX_HOPS) return null;
    if (Array.isArray(value)) return url(value[0], hops + 1);
    const v = resolve(value);
    if (typeof v === 'string') return v.trim() || null;
    if (isObject(v)) return url(v['url'] ?? v['contentUrl'] ?? v['@id'], hops + 1);
    return null;
  };
  const node = mainArticle(nodes, pageUrls, url);
  if (!node) return { source: 'json-ld', found: {} };
  const site = nodes.find((n) => types(n).includes('WebSite'));
  const found: Found = {
    title: text(node['headline']) ?? text(node['name']),
    authors: names(node['author'] ?? node['creator']),
    publishedTime: text(node['datePublished'] ?? node['dateCreated'] ?? node['uploadDate']),
    modifiedTime: text(node['dateModified']),
    siteName: text(node['publisher']) ?? (site ? text(site['name']) : null),
    image: url(node['image'] ?? node['thumbnailUrl']),
    description: text(node['description']),
    lang: text(node['inLanguage']),
    url: url(node['url']),
  };
  return { source: 'json-ld', found };
}
