/**
 * What one metadata source found on the page: raw values, normalised and ranked later by fields.ts.
 */
import type { MetadataSource } from '../../../shared/article.ts';

export interface Found {
  title?: string | null;
  authors?: readonly string[];
  /**
   * Names that labelled credit lines give after the first credit the page prints ("Written by:
   * Julie Mollins" under "By The Planetary Press"): the writer's, where that first credit names
   * the publication.
   */
  laterCredits?: readonly string[];
  /** Raw date strings; fields.ts parses them and skips unparseable ones. */
  publishedTime?: string | null;
  modifiedTime?: string | null;
  /**
   * A date the metadata gives without saying what it dates (`<meta name="date">`): content systems
   * fill it with the day the page was generated or last changed as often as with the day it was
   * published, so it dates the page only when the page itself prints no date.
   */
  pageDate?: string | null;
  /**
   * The publication date as the page prints it with its headline (labelled, or alone a few lines
   * above it or just under it): what a reader points at. Read apart from `publishedTime`, which
   * may come from a line at the top of the page.
   */
  headlineDate?: string | null;
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
