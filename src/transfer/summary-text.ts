/**
 * The dry run and the final report in words: "1,204 new, 37 already saved, 3 skipped", each
 * count in the right plural form, joined as the user's language joins a list.
 */
import type { ImportSummary } from '../db/import.ts';
import { plural, uiLanguage } from '../shared/i18n.ts';

function joined(parts: string[]): string {
  return new Intl.ListFormat(uiLanguage(), { style: 'long', type: 'unit' }).format(parts);
}

export function summaryCounts(summary: ImportSummary): string {
  const saved = summary.updated + summary.unchanged;
  const parts = [plural('transfer_count_new', summary.created)];
  if (saved > 0) parts.push(plural('transfer_count_already_saved', saved));
  if (summary.updated > 0) parts.push(plural('transfer_count_to_update', summary.updated));
  if (summary.annotations > 0) parts.push(plural('transfer_count_highlights', summary.annotations));
  if (summary.images > 0) parts.push(plural('transfer_count_images', summary.images));
  parts.push(plural('transfer_count_skipped', summary.skipped.length));
  return `${joined(parts)}.`;
}

export function reportCounts(summary: ImportSummary): string {
  const parts = [plural('transfer_count_added', summary.created)];
  if (summary.updated > 0) parts.push(plural('transfer_count_updated', summary.updated));
  if (summary.annotations > 0) parts.push(plural('transfer_count_highlights', summary.annotations));
  if (summary.images > 0) parts.push(plural('transfer_count_images', summary.images));
  parts.push(plural('transfer_count_skipped', summary.skipped.length));
  return `${joined(parts)}.`;
}
