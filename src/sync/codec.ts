/**
 * One article's state as the server stores it: `{ _id, _rev, v, c }`, where `_id` is the keyed
 * hash of the article id (crypto.ts) and `c` the compressed, sealed JSON of the state. Nothing
 * else: the server sees an opaque id, a size and its own revision and sequence numbers.
 */
import { deflateSync } from 'fflate';
import { inflateRaw } from 'pako';
import * as v from 'valibot';
import { fromBase64, toBase64, type Bytes } from './base64.ts';
import type { ArticleState } from './crdt.ts';
import { DecryptionError, type Cipher } from './crypto.ts';

export const DOCUMENT_FORMAT = 1;

export interface ServerDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  v?: number;
  c?: string;
}

export const ServerDocumentSchema = v.looseObject({
  _id: v.string(),
  _rev: v.optional(v.string()),
  _deleted: v.optional(v.boolean()),
  v: v.optional(v.number()),
  c: v.optional(v.string()),
});

const StampSchema = v.object({ t: v.number(), d: v.string() });
const RegisterSchema = v.object({ v: v.unknown(), s: StampSchema });
const TextVersionsSchema = v.array(
  v.object({ v: v.string(), s: StampSchema, vv: v.record(v.string(), v.number()) }),
);
const AliveSchema = v.object({ v: v.boolean(), s: StampSchema });
const ArticleStateSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  fields: v.record(v.string(), RegisterSchema),
  note: TextVersionsSchema,
  tags: v.record(
    v.string(),
    v.object({ name: v.string(), added: StampSchema, removed: v.nullable(StampSchema) }),
  ),
  annotations: v.record(
    v.string(),
    v.object({
      fields: v.record(v.string(), RegisterSchema),
      note: TextVersionsSchema,
      alive: AliveSchema,
    }),
  ),
  alive: AliveSchema,
});

export class MalformedDocumentError extends Error {
  override name = 'MalformedDocumentError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Raw DEFLATE, one small document at a time (about 4 kB packed, 20 kB of JSON), thousands in a
 * first sync. In Chromium each document through CompressionStream or DecompressionStream cost
 * about 2 ms of the page's thread whatever its size (the streams, blobs and tasks around it), and
 * fflate's inflater builds a 32,768-entry table per block (1.2 ms); pako's inflater takes 0.35 ms
 * and fflate's deflater 1.2 ms (the stream's 2.5 ms). Both read and write plain raw DEFLATE, so
 * documents written with the streams read the same.
 */
const deflate = (bytes: Bytes): Bytes => deflateSync(bytes);
function inflate(bytes: Bytes): Bytes {
  // pako throws a message string on damaged input, and gives no result for a truncated one.
  let inflated: Uint8Array | undefined;
  try {
    inflated = inflateRaw(bytes) as Uint8Array | undefined;
  } catch (error) {
    throw new MalformedDocumentError(`the packed state does not inflate: ${String(error)}`);
  }
  if (!(inflated instanceof Uint8Array)) {
    throw new MalformedDocumentError('the packed state ends early');
  }
  // pako allocates the result in an ordinary ArrayBuffer of its own.
  return inflated as Bytes;
}

/**
 * The packed form of states this device packed or unpacked: a state stored right after it
 * arrived or was sent is not packed a second time (a first sync stores thousands).
 */
const packedStates = new WeakMap<ArticleState, Bytes>();

/** A state as JSON, compressed: what a server document seals, and how a device stores it. */
export async function packState(state: ArticleState): Promise<Bytes> {
  let packed = packedStates.get(state);
  if (!packed) {
    packed = deflate(encoder.encode(JSON.stringify(state)));
    packedStates.set(state, packed);
  }
  return packed;
}

/** A state this device packed (its own database's; documents from a server go through decodeState). */
export async function unpackState(packed: Bytes): Promise<ArticleState> {
  const state = JSON.parse(decoder.decode(inflate(packed))) as ArticleState;
  packedStates.set(state, packed);
  return state;
}

export async function encodeState(cipher: Cipher, state: ArticleState): Promise<ServerDocument> {
  const id = await cipher.documentId(state.id);
  const packed = await packState(state);
  return { _id: id, v: DOCUMENT_FORMAT, c: toBase64(await cipher.seal(packed, id)) };
}

/**
 * The state a server document holds. Throws DecryptionError when the key does not open it (wrong
 * passphrase, or a document altered on the server) and MalformedDocumentError when it opens but
 * is not a Margins state (a newer format, or damage).
 */
export async function decodeState(cipher: Cipher, doc: ServerDocument): Promise<ArticleState> {
  if (doc.v !== DOCUMENT_FORMAT || typeof doc.c !== 'string') {
    throw new MalformedDocumentError(`document ${doc._id} is not in format ${DOCUMENT_FORMAT}`);
  }
  let sealed: Bytes;
  try {
    sealed = fromBase64(doc.c);
  } catch {
    throw new MalformedDocumentError(`document ${doc._id} is not base64`);
  }
  const packed = await cipher.open(sealed, doc._id);
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(inflate(packed)));
  } catch {
    throw new MalformedDocumentError(`document ${doc._id} does not unpack`);
  }
  const state = v.safeParse(ArticleStateSchema, parsed);
  if (!state.success)
    throw new MalformedDocumentError(`document ${doc._id} is not an article state`);
  if ((await cipher.documentId(state.output.id)) !== doc._id) {
    throw new DecryptionError(`document ${doc._id} holds another article's state`);
  }
  packedStates.set(state.output, packed);
  return state.output;
}
