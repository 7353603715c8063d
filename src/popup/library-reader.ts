/**
 * Opens the library for the popup's reads. The background owns the schema: when the database
 * does not exist yet or an update of Margins has not upgraded it, the background is asked to
 * open it (which creates or upgrades it) and the popup tries once more.
 */
import { LibraryNotReady, LibraryReader, openForReading } from '../db/read/idb.ts';
import { request } from '../shared/messaging.ts';

export async function openLibraryReader(): Promise<LibraryReader> {
  try {
    return new LibraryReader(await openForReading());
  } catch (error) {
    if (!(error instanceof LibraryNotReady) || error.reason === 'newer') throw error;
    await request({ type: 'prepare-library' });
    return new LibraryReader(await openForReading());
  }
}
