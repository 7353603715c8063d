/**
 * The longest note, on an article or a highlight, that Margins takes and stores. Far above
 * anything typed, because notes typed on several devices and merged by sync (crdt.ts
 * `renderText`), or joined by an import (`combineNotes`), keep every text: a stored note may
 * hold several typed ones, and the merge is sent back whole when it is edited.
 */
export const MAX_NOTE = 1_048_576;
