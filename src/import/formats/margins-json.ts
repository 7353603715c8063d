/**
 * Margins' own export (README "Export format", schema/margins-export-v1.schema.json). Every
 * article and annotation is validated with the same schemas the database uses, so nothing enters
 * that Margins could not have written itself. Unknown keys (`__proto__`, `constructor` included)
 * are dropped by the schemas: the records built are fresh objects holding only known fields.
 */
import * as v from 'valibot';
import { AnnotationSchema } from '../../shared/annotation.ts';
import type { Annotation } from '../../shared/annotation.ts';
import { ArticleRecordSchema } from '../../shared/article.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export-format.ts';
import type { ExportedArticle, ExportedPicture } from '../../shared/export-format.ts';
import { BREATHE_EVERY } from '../context.ts';
import type { FormatContext } from '../context.ts';
import { parseJson } from '../json.ts';
import { readArticleImages, readFilePictures } from '../pictures.ts';
import { quoted } from '../problems.ts';
import { ImportError } from '../types.ts';
import { describeIssues } from '../validation.ts';

/**
 * The versions Margins has shipped. Each later version will come with a function turning the
 * previous version's article into its own, so every older file keeps being read.
 */
const SHIPPED_VERSIONS: readonly number[] = [1];

const DocumentSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.number(),
  articles: v.array(v.unknown()),
  // Checked picture by picture (pictures.ts): a broken one must not cost the whole file.
  images: v.optional(v.unknown()),
});

/**
 * The article's own fields, checked apart from its annotations and images so one bad highlight
 * or image costs only itself.
 */
const ArticleEnvelopeSchema = v.object({
  ...ArticleRecordSchema.entries,
  annotations: v.array(v.unknown()),
  images: v.optional(v.array(v.unknown())),
});

export interface MarginsDocument {
  version: number;
  articles: ExportedArticle[];
  /** The file's pictures that are what it says they are, by hash. */
  pictures: Map<string, ExportedPicture>;
}

function checkVersion(version: number): void {
  if (SHIPPED_VERSIONS.includes(version)) return;
  const detail =
    version > EXPORT_VERSION
      ? `version ${version}, newest known ${EXPORT_VERSION}`
      : `version ${version} was never written`;
  throw new ImportError('unsupported-version', detail, 'version');
}

function readAnnotations(
  article: v.InferOutput<typeof ArticleEnvelopeSchema>,
  origin: string,
  seenIds: Set<string>,
  context: FormatContext,
): Annotation[] {
  const kept: Annotation[] = [];
  for (const [index, raw] of article.annotations.entries()) {
    const where = `${origin}.annotations[${index}]`;
    const annotation = v.safeParse(AnnotationSchema, raw);
    if (!annotation.success) {
      context.problems.skip(where, 'invalid-annotation', describeIssues(annotation.issues));
    } else if (annotation.output.articleId !== article.id) {
      context.problems.skip(
        where,
        'invalid-annotation',
        `articleId: ${quoted(annotation.output.articleId)}`,
      );
    } else if (seenIds.has(annotation.output.id)) {
      context.problems.skip(where, 'duplicate-id', annotation.output.id);
    } else {
      seenIds.add(annotation.output.id);
      kept.push(annotation.output);
    }
  }
  return kept;
}

export async function parseMarginsJson(
  text: string,
  context: FormatContext,
): Promise<MarginsDocument> {
  const parsed = parseJson(text);
  context.progress.report(0.2);
  const document = v.safeParse(DocumentSchema, parsed);
  if (!document.success) {
    // The version decides before anything else: a later format may differ everywhere.
    const version = v.safeParse(v.object({ version: v.number() }), parsed);
    if (version.success) checkVersion(version.output.version);
    throw new ImportError('invalid-document', describeIssues(document.issues));
  }
  const { version, articles: rawArticles, images: rawPictures } = document.output;
  checkVersion(version);

  // Pictures first, so each article's images can be matched to the ones kept. They take the
  // reading's second fifth: hashing megabytes of pictures is most of the work of such a file.
  const pictures = await readFilePictures(rawPictures, context.problems, async (done, total) => {
    context.progress.report(0.2 + (0.2 * done) / total);
    await context.progress.breathe();
  });

  const articles: ExportedArticle[] = [];
  const articleIds = new Map<string, string>();
  const annotationIds = new Set<string>();
  for (const [index, raw] of rawArticles.entries()) {
    const origin = `articles[${index}]`;
    const article = v.safeParse(ArticleEnvelopeSchema, raw);
    if (!article.success) {
      context.problems.skip(origin, 'invalid-entry', describeIssues(article.issues));
    } else if (articleIds.has(article.output.id)) {
      context.problems.skip(
        origin,
        'duplicate-id',
        `${article.output.id} (${articleIds.get(article.output.id)})`,
      );
    } else {
      articleIds.set(article.output.id, origin);
      const annotations = readAnnotations(article.output, origin, annotationIds, context);
      const { images: rawImages, ...fields } = article.output;
      const images = readArticleImages(rawImages, origin, pictures, context.problems);
      // No `images` key at all for a file without pictures: the record is exactly as exported.
      articles.push(images ? { ...fields, annotations, images } : { ...fields, annotations });
    }
    if (index % BREATHE_EVERY === 0) {
      context.progress.report(0.4 + (0.6 * index) / rawArticles.length);
      await context.progress.breathe();
    }
  }
  context.progress.report(1);
  return { version, articles, pictures: pictures.kept };
}
