/**
 * The typed client side of the protocol: pages call `request(...)` and get the value back, or
 * a `MarginsError` rethrown from the error the background sent as data.
 */
import * as v from 'valibot';
import { browser } from '../platform/browser.ts';
import { MarginsError, ReplySchema, type Request, type ResponseMap } from './protocol.ts';

export async function request<T extends Request>(message: T): Promise<ResponseMap[T['type']]> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const reply = v.safeParse(ReplySchema, raw);
  if (!reply.success) throw new MarginsError('unknown', 'the background sent no valid reply');
  if (!reply.output.ok) throw new MarginsError(reply.output.error.code, reply.output.error.detail);
  // The background built this value for this request type (see ResponseMap).
  return reply.output.value as ResponseMap[T['type']];
}
