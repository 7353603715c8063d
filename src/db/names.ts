/** Names shared by the Dexie schema and the popup's Dexie-free reader. */
export const DATABASE_NAME = 'margins';
/** Every committed write to the database is announced on this channel (see changes.ts). */
export const CHANGES_CHANNEL = 'margins-library-changes';
