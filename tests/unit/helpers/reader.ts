import { LibraryReader, openForReading } from '../../../src/db/read/idb.ts';
import type { MarginsDatabase } from '../../../src/db/schema.ts';

/** Reads the database the way the popup does, after Dexie has created or upgraded it. */
export async function readerFor(db: MarginsDatabase): Promise<LibraryReader> {
  await db.open();
  return new LibraryReader(await openForReading(db.name));
}
