// Schema.org JSON-LD is the most reliable metadata on news pages, but comes as graphs, arrays and @id references.
import { collapseSpace } from './urls';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  image: string | null;
  description: string | null;
  inLanguage: string | null;
}

const ARTICLE_TYPE =
  /(?:Article|BlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|APIReference)$/;
const PAGE_TYPE = /(?:WebPage|ItemPage)$/;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function types(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string');
}

/** Every object node of every JSON-LD block, flattening arrays and @graph. */
function collectNodes(doc: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: Json | undefined): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      nodes.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      visit(JSON.parse(text) as Json);
    } catch {
      // A broken block is ignored; the other sources still apply.
    }
  }
  return nodes;
}

/** Reads the first JSON-LD node of an article type (else a WebPage), resolving @id references. */
export function readJsonLdArticle(doc: Document): JsonLdArticle | null {
  const nodes = collectNodes(doc);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const resolve = (value: Json | undefined): Json | undefined => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const text = (value: Json | undefined): string | null => {
    const v = resolve(Array.isArray(value) ? value[0] : value);
    if (typeof v === 'string') return collapseSpace(v) || null;
    if (isObject(v)) return text(v['name'] ?? v['@value']);
    return null;
  };
  const names = (value: Json | undefined): string[] => {
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.map((item) => text(item)).filter((n): n is string => !!n);
  };
  const url = (value: Json | undefined): string | null => {
    const v = resolve(Array.isArray(value) ? value[0] : value);
    if (typeof v === 'string') return v.trim() || null;
    if (isObject(v)) return url(v['url'] ?? v['contentUrl']);
    return null;
  };

  const node =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t))) ??
    nodes.find((n) => types(n).some((t) => PAGE_TYPE.test(t)) && n['datePublished']);
  if (!node) return null;
  const date = resolve(node['datePublished'] ?? node['dateCreated']);
  return {
    headline: text(node['headline']) ?? text(node['name']),
    authors: names(node['author'] ?? node['creator']),
    datePublished: typeof date === 'string' ? date.trim() || null : null,
    publisher: text(node['publisher']),
    image: url(node['image'] ?? node['thumbnailUrl']),
    description: text(node['description']),
    inLanguage: text(node['inLanguage']),
  };
}
