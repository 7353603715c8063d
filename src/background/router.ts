/**
 * Receives protocol messages, refuses anything that is not from Margins' own pages or does not
 * parse, and answers every request with a `Reply` so errors travel as data.
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
import { deleteArticles, restoreArticles, setArchived, setRead } from '../db/library.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser, type MessageSender } from '../platform/browser.ts';
import {
  MarginsError,
  PageRequestSchema,
  RequestSchema,
  toReplyError,
  type Reply,
  type Request,
  type ResponseMap,
} from '../shared/protocol.ts';
import { runBackup } from './backup.ts';
import { saveTab } from './save-tab.ts';
import { pullOnOpen, syncServiceFor } from './sync.ts';

type Handlers = {
  [K in Request['type']]: (
    request: Extract<Request, { type: K }>,
    db: MarginsDatabase,
  ) => Promise<ResponseMap[K]>;
};

const handlers: Handlers = {
  'save-tab': (request, db) => saveTab(db, request.tabId),
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
  'restore-articles': async (request, db) => ({
    restored: await restoreArticles(db, request.articles),
  }),
  'sync-enable': (request, db) => syncServiceFor(db).enable(request.account, request.passphrase),
  'sync-now': (_request, db) => syncServiceFor(db).syncNow(),
  'sync-disable': (_request, db) => syncServiceFor(db).disable(),
  'sync-pull': async (_request, db) => ({ started: await pullOnOpen(db) }),
};

/** Only Margins' own extension pages may ask the background to do anything. */
export function isOwnPage(sender: MessageSender): boolean {
  const ownOrigin = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(ownOrigin);
}

/** Margins' own revisit script, running in a web page's tab. */
function isOwnContentScript(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isOwnPage(sender);
}

async function handlePageRequest(
  message: unknown,
  sender: MessageSender,
  db: MarginsDatabase,
): Promise<ResponseMap['page-annotations']> {
  if (!v.is(PageRequestSchema, message)) {
    throw new MarginsError('bad-request', 'content scripts may only ask for their page');
  }
  return { annotations: await annotationsForPage(db, sender.url ?? '') };
}

export async function handleMessage(
  message: unknown,
  sender: MessageSender,
  db: MarginsDatabase,
): Promise<Reply<unknown>> {
  try {
    if (isOwnContentScript(sender)) {
      return { ok: true, value: await handlePageRequest(message, sender, db) };
    }
    if (!isOwnPage(sender)) throw new MarginsError('bad-request', 'sender is not a Margins page');
    const parsed = v.safeParse(RequestSchema, message);
    if (!parsed.success) throw new MarginsError('bad-request', parsed.issues[0]?.message ?? '');
    const request = parsed.output;
    const handler = handlers[request.type] as (r: Request, db: MarginsDatabase) => Promise<unknown>;
    return { ok: true, value: await handler(request, db) };
  } catch (error) {
    return { ok: false, error: toReplyError(error) };
  }
}
