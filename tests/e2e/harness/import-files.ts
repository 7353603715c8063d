/**
 * Files the Import & export suites give the page, the same in every browser: a small Pocket
 * export with two articles (one archived) and a highlight that has no article text to sit in.
 */
import { strToU8, zipSync } from 'fflate';

export const POCKET_ZIP = zipSync({
  'part_000000.csv': strToU8(
    [
      'title,url,time_added,cursor,tags,status',
      'The long read,https://news.example/long-read,1709285400,1,politics|Long reads,unread',
      'Climate report,https://science.example/climate,1709371800,2,,archive',
    ].join('\n'),
  ),
  'annotations/part_000000.json': strToU8(
    JSON.stringify([
      {
        url: 'https://science.example/climate',
        title: 'Climate report',
        highlights: [{ quote: 'Warming continues', created_at: 1709371900 }],
      },
      // Pocket keeps highlights of items removed from the list: nothing to attach them to.
      {
        url: 'https://gone.example/removed',
        title: 'Removed from Pocket',
        highlights: [{ quote: 'A passage of a removed item', created_at: 1709371950 }],
      },
    ]),
  ),
});
