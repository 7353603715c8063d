/**
 * One article's records (the article and its annotations) as a SHA-256 of their canonical
 * JSON, so two devices' libraries of ten thousand articles compare without moving them whole.
 * The same function runs in the bench's seed page and in Node.
 */
import { canonical, type LocalArticle } from '../../../src/sync/mapping.ts';

export async function recordsDigest(local: LocalArticle): Promise<string> {
  const annotations = [...local.annotations].sort((a, b) => (a.id < b.id ? -1 : 1));
  const text = canonical({ article: local.article, annotations });
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
