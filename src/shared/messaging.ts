/**
 * The typed client side of the protocol: pages and the revisit script call `request(...)` and
 * get the value back, checked against what that request answers (ResponseSchemas), or a
 * `MarginsError` rethrown from the error the background sent as data. The check costs about
 * 20 ms per 1,000 articles in the largest answer there is (a bulk delete, kept for its undo).
 */
import * as v from 'valibot';
import { browser } from '../platform/browser.ts';
import {
  MarginsError,
  ReplySchema,
  ResponseSchemas,
  type Request,
  type RequestType,
  type ResponseMap,
} from './protocol.ts';

/** The schema of what a request of this type answers. */
function responseSchema<K extends RequestType>(type: K): v.GenericSchema<unknown, ResponseMap[K]> {
  // ResponseMap is made from ResponseSchemas, key by key.
  return ResponseSchemas[type] as unknown as v.GenericSchema<unknown, ResponseMap[K]>;
}

export async function request<T extends Request>(message: T): Promise<ResponseMap[T['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const reply = v.safeParse(ReplySchema, raw);
  if (!reply.success) throw new MarginsError('unknown', 'the background sent no valid reply');
  if (!reply.output.ok) throw new MarginsError(reply.output.error.code, reply.output.error.detail);
  const schema = responseSchema<T['type']>(message.type);
  const value = v.safeParse(schema, reply.output.value);
  if (!value.success) {
    const detail = value.issues[0]?.message ?? '';
    throw new MarginsError('unknown', `the answer to ${message.type} is not as agreed: ${detail}`);
  }
  return value.output;
}
