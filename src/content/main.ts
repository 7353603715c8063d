// Content-script entry: bundled as one classic script and injected on demand; it only exposes the extractor.
import type { ArticleSnapshot } from '../shared/article';
import { extractArticle } from './extract/index';

declare global {
  var __marginsExtract: (() => ArticleSnapshot) | undefined;
}

globalThis.__marginsExtract = () => extractArticle(document);
