/**
 * Whether a live query's answer is older than the page's own last write. The live query reads
 * again after each write it hears of, and may hear of a write after the write's reply reached the
 * page: until then it reports the article as it was before, and showing that would take back the
 * user's latest change (and the next edit, built on it, would store the loss).
 *
 * Two writes in one millisecond share a time, so an answer of the same time is taken for the
 * page's own write only when it holds what the page wrote.
 */
export function olderThanWritten(
  reported: { updatedAt: string },
  written: { updatedAt: string },
  holdsWhatWasWritten: boolean,
): boolean {
  const reportedAt = Date.parse(reported.updatedAt);
  const writtenAt = Date.parse(written.updatedAt);
  return reportedAt < writtenAt || (reportedAt === writtenAt && !holdsWhatWasWritten);
}
