/**
 * The part of CouchDB's HTTP API Margins syncs through (the same on Apache CouchDB 3, Cloudant
 * and PouchDB Server): the database, `_changes`, `_all_docs` with keys, `_bulk_docs`, documents.
 * Every failure becomes a SyncError with a code the user can be told about.
 */
import * as v from 'valibot';
import { ServerDocumentSchema, type ServerDocument } from './codec.ts';
import { SyncError } from './errors.ts';

export interface ServerAccount {
  /** e.g. `https://couch.example.org:6984` */
  serverUrl: string;
  database: string;
  username: string;
  password: string;
}

/** CouchDB 3 sequences are opaque strings; PouchDB Server's are numbers. */
export type Sequence = string | number;

const REQUEST_TIMEOUT_MS = 30_000;

const ChangesSchema = v.object({
  results: v.array(
    v.looseObject({
      id: v.string(),
      seq: v.union([v.string(), v.number()]),
      deleted: v.optional(v.boolean()),
      doc: v.optional(v.nullable(ServerDocumentSchema)),
    }),
  ),
  last_seq: v.union([v.string(), v.number()]),
});
export type Changes = v.InferOutput<typeof ChangesSchema>;

const BulkResultSchema = v.array(
  v.looseObject({
    id: v.optional(v.string()),
    rev: v.optional(v.string()),
    error: v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
);
export type BulkResult = v.InferOutput<typeof BulkResultSchema>;

const AllDocsSchema = v.object({
  rows: v.array(
    v.looseObject({
      key: v.optional(v.string()),
      error: v.optional(v.string()),
      value: v.optional(
        v.nullable(v.looseObject({ rev: v.string(), deleted: v.optional(v.boolean()) })),
      ),
      doc: v.optional(v.nullable(ServerDocumentSchema)),
    }),
  ),
});

const WelcomeSchema = v.looseObject({ version: v.optional(v.string()) });

export class CouchClient {
  constructor(private readonly account: ServerAccount) {}

  private url(path: string): string {
    return `${this.account.serverUrl.replace(/\/+$/, '')}/${path}`;
  }

  private databasePath(rest = ''): string {
    return `${encodeURIComponent(this.account.database)}${rest}`;
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.account.username) {
      const pair = new TextEncoder().encode(`${this.account.username}:${this.account.password}`);
      headers.Authorization = `Basic ${btoa(String.fromCharCode(...pair))}`;
    }
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new SyncError('unreachable', error instanceof Error ? error.message : String(error));
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      if (response.status >= 500)
        throw new SyncError('server-error', `${response.status} ${method} ${path}`);
      throw new SyncError('bad-response', `${response.status} ${method} ${path}: not JSON`);
    }
    if (response.status === 401) throw new SyncError('unauthorized', `${method} ${path}`);
    if (response.status === 403) throw new SyncError('forbidden', `${method} ${path}`);
    if (response.status === 413) throw new SyncError('too-large', `${method} ${path}`);
    if (response.status >= 500)
      throw new SyncError('server-error', `${response.status} ${method} ${path}`);
    return { status: response.status, json };
  }

  private parse<T extends v.GenericSchema>(
    schema: T,
    value: unknown,
    what: string,
  ): v.InferOutput<T> {
    const parsed = v.safeParse(schema, value);
    if (!parsed.success)
      throw new SyncError('bad-response', `${what}: ${parsed.issues[0]?.message ?? ''}`);
    return parsed.output;
  }

  /** The server's welcome: CouchDB answers `{"couchdb":"Welcome",...}`, PouchDB Server likewise. */
  async checkServer(): Promise<void> {
    const { status, json } = await this.request('GET', '');
    const welcome = status === 200 ? v.safeParse(WelcomeSchema, json) : null;
    const isCouch =
      welcome?.success === true &&
      typeof json === 'object' &&
      json !== null &&
      ('couchdb' in json || 'express-pouchdb' in json);
    if (!isCouch) throw new SyncError('not-couchdb', `GET / answered ${status}`);
  }

  /** Opens the database, creating it when it is missing and the account may. */
  async ensureDatabase(): Promise<void> {
    const { status } = await this.request('GET', this.databasePath());
    if (status === 200) return;
    if (status !== 404) throw new SyncError('bad-response', `GET database answered ${status}`);
    let created: number;
    try {
      created = (await this.request('PUT', this.databasePath())).status;
    } catch (error) {
      if (
        error instanceof SyncError &&
        (error.code === 'forbidden' || error.code === 'unauthorized')
      ) {
        throw new SyncError('no-database', this.account.database);
      }
      throw error;
    }
    if (created !== 201 && created !== 202 && created !== 412) {
      throw new SyncError('no-database', `PUT database answered ${created}`);
    }
  }

  /** A document, or null when there is none (or it was deleted). */
  async get(id: string): Promise<unknown> {
    const { status, json } = await this.request(
      'GET',
      this.databasePath(`/${encodeURIComponent(id)}`),
    );
    if (status === 404) return null;
    if (status !== 200) throw new SyncError('bad-response', `GET document answered ${status}`);
    return json;
  }

  /** Writes one document; false when it changed on the server meanwhile (409). */
  async put(doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
    const { status } = await this.request(
      'PUT',
      this.databasePath(`/${encodeURIComponent(doc._id)}`),
      doc,
    );
    if (status === 409) return false;
    if (status !== 201 && status !== 202)
      throw new SyncError('bad-response', `PUT answered ${status}`);
    return true;
  }

  /** Changes after `since`, oldest first, with the documents, at most `limit` of them. */
  async changes(since: Sequence, limit: number): Promise<Changes> {
    const query = `?include_docs=true&limit=${limit}&since=${encodeURIComponent(String(since))}`;
    const { status, json } = await this.request('GET', this.databasePath(`/_changes${query}`));
    if (status === 404) throw new SyncError('no-database', this.account.database);
    if (status !== 200) throw new SyncError('bad-response', `_changes answered ${status}`);
    return this.parse(ChangesSchema, json, '_changes');
  }

  /** The current documents with these ids; a missing one is left out. */
  async getMany(ids: readonly string[]): Promise<ServerDocument[]> {
    const { status, json } = await this.request(
      'POST',
      this.databasePath('/_all_docs?include_docs=true'),
      { keys: ids },
    );
    if (status !== 200) throw new SyncError('bad-response', `_all_docs answered ${status}`);
    const rows = this.parse(AllDocsSchema, json, '_all_docs').rows;
    return rows.flatMap((row) => (row.doc ? [row.doc] : []));
  }

  /** Writes documents, each on its own: the result says which were refused (409 = conflict). */
  async bulkDocs(docs: readonly ServerDocument[]): Promise<BulkResult> {
    const { status, json } = await this.request('POST', this.databasePath('/_bulk_docs'), { docs });
    if (status !== 201 && status !== 200)
      throw new SyncError('bad-response', `_bulk_docs answered ${status}`);
    const result = this.parse(BulkResultSchema, json, '_bulk_docs');
    if (result.length !== docs.length)
      throw new SyncError('bad-response', '_bulk_docs answered for other documents');
    return result;
  }
}
