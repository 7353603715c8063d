/**
 * What one metadata source found on the page: raw values, normalised and ranked later by fields.ts.
 */
import type { MetadataSource } from '../../../shared/article.ts';

export interface Found {
  title?: string | null;
  authors?: readonly string[];
  /** Raw date strings; fields.ts parses them and skips unparseable ones. */
  publishedTime?: string | null;
  modifiedTime?: string | null;
  siteName?: string | null;
  image?: string | null;
  description?: string | null;
  lang?: string | null;
  url?: string | null;
}

export interface Reading {
  source: MetadataSource;
  found: Found;
}
