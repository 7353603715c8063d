import { localDateStamp } from '../shared/export-format.ts';
import type { ExportFormat, ExportFormatId } from './types.ts';

/** What follows the date in each format's file name, so two exports of one day never collide. */
const NAME_SUFFIX: Record<ExportFormatId, string> = {
  'margins-json': '',
  'markdown-zip': '-markdown',
  'annotations-jsonld': '-annotations',
  csv: '',
  'bookmarks-html': '-bookmarks',
};

/** `margins-2026-11-27-markdown.zip`, dated in the user's own time zone. */
export function exportFileNameFor(
  format: Pick<ExportFormat, 'id' | 'extension'>,
  now: Date,
): string {
  return `margins-${localDateStamp(now)}${NAME_SUFFIX[format.id]}.${format.extension}`;
}
