/**
 * A publication date written into the article's address (/2024/06/18/): the last resort when the
 * page states none.
 */

/** Year, month and day as consecutive path segments, or joined by dashes. */
const PATH_DATE =
  /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|\.html?$|$)/;
/**
 * A whole segment that is nothing but a day: "/20200428/" or "/29-10-2021/". Eight digits inside
 * a longer number or a slug are an id, not a date.
 */
const SEGMENT_DATE =
  /\/(?:((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])|(0[1-9]|[12]\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\d\d))(?=\/|\.html?$|$)/;

/**
 * The `YYYY-MM-DD` day in `url`'s path, or null. Query and fragment are not read: they carry
 * archive filters.
 */
export function urlPathDate(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const parts = PATH_DATE.exec(path)?.slice(1) ?? segmentDate(path);
  if (!parts) return null;
  const [year = '', month = '', day = ''] = parts;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // "/2023/02/31/" names no day; a day to come is a number that looks like one.
  if (date.getUTCDate() !== Number(day) || date.getTime() > Date.now()) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Year, month and day of a segment that is only a day (SEGMENT_DATE), or null. */
function segmentDate(path: string): string[] | null {
  const m = SEGMENT_DATE.exec(path);
  if (!m) return null;
  const [, year, month, day, dayFirst = '', monthSecond = '', yearLast = ''] = m;
  return year ? [year, month ?? '', day ?? ''] : [yearLast, monthSecond, dayFirst];
}
