/**
 * A publication date written into the article's address (/2024/06/18/): the last resort when the
 * page states none.
 */

/**
 * Year, month and day as consecutive path segments, or joined ("/20240618/" is too ambiguous and is
 * not read).
 */
const PATH_DATE =
  /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/-]|\.html?$|$)/;

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
  const m = PATH_DATE.exec(path);
  if (!m) return null;
  const [, year = '', month = '', day = ''] = m;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // "/2023/02/31/" names no day.
  if (date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
