/**
 * Receives protocol messages, refuses anything that does not parse or that its sender may not
 * ask (only Margins' own pages, and its revisit script for the page it runs in), and answers
 * every request with a `Reply` so errors travel as data.
 */
import * as v from 'valibot';
import { undoSave } from '../db/articles.ts';
import { editArticle } from '../db/edits.ts';
import {
  annotationsForPage,
  createAnnotation,
  deleteAnnotation,
  updateAnnotation,
} from '../db/annotations.ts';
import { setArticleNote, setArticleTags } from '../db/article-notes.ts';
import { imageStorage, removeStoredImages } from '../db/images.ts';
import { deleteArticles, restoreArticles, setArchived, setRead } from '../db/library.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser, type MessageSender } from '../platform/browser.ts';
import {
  CONTENT_SCRIPT_REQUESTS,
  MarginsError,
  RequestSchema,
  toReplyError,
  type Reply,
  type Request,
  type RequestType,
  type ResponseMap,
} from '../shared/protocol.ts';
import { fetchMissingImages, keepImagesLater } from './article-images.ts';
import { articleFetcherFor } from './fetch-articles.ts';
import { imageBackfillFor } from './image-backfill.ts';
import { runBackup } from './backup.ts';
import { saveTab } from './save-tab.ts';
import { pullOnOpen, syncServiceFor } from './sync.ts';

/** One handler per request; `sender` is whoever sent it, checked before the handler runs. */
type Handlers = {
  [K in RequestType]: (
    request: Extract<Request, { type: K }>,
    db: MarginsDatabase,
    sender: MessageSender,
  ) => Promise<ResponseMap[K]>;
};

export const handlers: Handlers = {
  'save-tab': async (request, db) => {
    const outcome = await saveTab(db, request.tabId);
    // The text is stored and answered now; the images follow (article-images.ts).
    keepImagesLater(db, outcome.article);
    return outcome;
  },
  'undo-save': async (request, db) => ({ restored: await undoSave(db, request.undo) }),
  'edit-article': (request, db) => editArticle(db, request.articleId, request.edits, new Date()),
  'create-annotation': (request, db) => createAnnotation(db, request, new Date()),
  'update-annotation': (request, db) =>
    updateAnnotation(db, request.annotationId, request, new Date()),
  'delete-annotation': async (request, db) => ({
    deleted: await deleteAnnotation(db, request.annotationId),
  }),
  'set-article-note': (request, db) =>
    setArticleNote(db, request.articleId, request.note, new Date()),
  'run-backup': (_request, db) => runBackup(db, new Date()),
  'set-article-tags': (request, db) =>
    setArticleTags(db, request.articleId, request.tags, new Date()),
  'prepare-library': async (_request, db) => {
    await db.open();
    return { version: db.verno };
  },
  'set-read': async (request, db) => ({
    changed: await setRead(db, request.articleIds, request.read, new Date()),
  }),
  'set-archived': async (request, db) => ({
    changed: await setArchived(db, request.articleIds, request.archived, new Date()),
  }),
  'delete-articles': async (request, db) => ({
    deleted: await deleteArticles(db, request.articleIds),
  }),
  'restore-articles': async (request, db) => {
    const restored = await restoreArticles(db, request.articles);
    // A delete freed their pictures; the undo fetches them again.
    for (const article of request.articles) keepImagesLater(db, article);
    return { restored };
  },
  'sync-enable': (request, db) => syncServiceFor(db).enable(request.account, request.passphrase),
  'sync-now': (_request, db) => syncServiceFor(db).syncNow(),
  'sync-disable': (_request, db) => syncServiceFor(db).disable(),
  'sync-pull': async (_request, db) => ({ started: await pullOnOpen(db) }),
  'fetch-articles-start': (_request, db) => articleFetcherFor(db).start(),
  'fetch-articles-pause': (_request, db) => articleFetcherFor(db).pause(),
  'fetch-articles-resume': (_request, db) => articleFetcherFor(db).resume(),
  'fetch-articles-retry': (_request, db) => articleFetcherFor(db).retryFailed(),
  'fetch-articles-cancel': (_request, db) => articleFetcherFor(db).cancel(),
  'fetch-images': (request, db) => fetchMissingImages(db, request.articleId),
  'image-storage': (_request, db) => imageStorage(db),
  'remove-images': async (_request, db) => {
    await removeStoredImages(db, new Date());
    return imageStorage(db);
  },
  'images-backfill-start': (_request, db) => imageBackfillFor(db).start(),
  'images-backfill-pause': async (_request, db) => imageBackfillFor(db).pause(),
  'images-backfill-resume': async (_request, db) => imageBackfillFor(db).resume(),
  'images-backfill-status': async (_request, db) => imageBackfillFor(db).current(),
  'page-annotations': async (_request, db, sender) => ({
    annotations: await annotationsForPage(db, sender.url ?? ''),
  }),
};

/** Margins' own extension pages: the popup, the reader, Settings, Import & export. */
export function isOwnPage(sender: MessageSender): boolean {
  const ownOrigin = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(ownOrigin);
}

/** Margins' own revisit script, running in a web page's tab. */
function isOwnContentScript(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isOwnPage(sender);
}

/** A request that parses, from a sender allowed to make it (see CONTENT_SCRIPT_REQUESTS). */
function acceptedRequest(message: unknown, sender: MessageSender): Request {
  const fromContentScript = isOwnContentScript(sender);
  if (!fromContentScript && !isOwnPage(sender)) {
    throw new MarginsError('bad-request', 'sender is not part of Margins');
  }
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) throw new MarginsError('bad-request', parsed.issues[0]?.message ?? '');
  if (CONTENT_SCRIPT_REQUESTS.includes(parsed.output.type) !== fromContentScript) {
    const who = fromContentScript ? 'a content script' : 'an extension page';
    throw new MarginsError('bad-request', `${parsed.output.type} is not for ${who}`);
  }
  return parsed.output;
}

export async function handleMessage(
  message: unknown,
  sender: MessageSender,
  db: MarginsDatabase,
): Promise<Reply<unknown>> {
  try {
    const request = acceptedRequest(message, sender);
    // The handler of this request's type (the map's type pairs each type with its handler).
    const handler = handlers[request.type] as (
      request: Request,
      db: MarginsDatabase,
      sender: MessageSender,
    ) => Promise<unknown>;
    return { ok: true, value: await handler(request, db, sender) };
  } catch (error) {
    return { ok: false, error: toReplyError(error) };
  }
}
