// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseImport } from '../../../src/import/index.ts';
import { importErrorOf, item, itemsOf, parseText, utf8, zipOf } from './helpers.ts';

const HEADER = 'title,url,time_added,cursor,tags,status';

describe('size limits', () => {
  it('refuses a file over the limit before reading it', async () => {
    // A 500 MB file is never allocated here: the limit is lowered instead.
    const bytes = utf8(`${HEADER}\nT,https://a.example/,1,1,,unread\n`);
    const error = await importErrorOf(parseImport(bytes, { maxBytes: bytes.length - 1 }));
    expect(error).toMatchObject({
      code: 'too-large',
      detail: `${bytes.length} bytes, limit ${bytes.length - 1}`,
    });
    await expect(parseImport(bytes, { maxBytes: bytes.length })).resolves.toMatchObject({
      kind: 'items',
    });
  });

  it('refuses an archive that would unpack to more than the limit', async () => {
    const bytes = zipOf({ 'part_000000.csv': `${HEADER}\n${'x'.repeat(100_000)}\n` });
    expect(bytes.length).toBeLessThan(2_000);
    const error = await importErrorOf(parseImport(bytes, { maxBytes: 50_000 }));
    expect(error.code).toBe('too-large');
  });

  it('documents a limit a JavaScript string can hold', () => {
    expect(MAX_IMPORT_BYTES).toBe(400 * 1024 * 1024);
  });

  it('never raises the limit above MAX_IMPORT_BYTES', async () => {
    const huge = { byteLength: MAX_IMPORT_BYTES + 1 } as unknown as Uint8Array;
    const error = await importErrorOf(parseImport(huge, { maxBytes: Infinity }));
    expect(error.code).toBe('too-large');
  });
});

describe('corrupt archives', () => {
  it('calls a zip cut short corrupt, naming the byte where it stops', async () => {
    const whole = zipOf({ 'part_000000.csv': `${HEADER}\nT,https://a.example/,1,1,,unread\n` });
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const error = await importErrorOf(parseImport(cut));
    expect(error).toMatchObject({ code: 'corrupt-file', origin: `byte ${cut.length}` });
  });

  it('names the damaged entry when its compressed data is garbage', async () => {
    const whole = zipOf({
      'part_000000.csv': `${HEADER}\n${'T,https://a.example/,1,1,,unread\n'.repeat(50)}`,
    });
    const damaged = whole.slice();
    // The deflate data starts after the 30-byte local header and the name.
    for (let at = 30 + 'part_000000.csv'.length; at < 60 + 'part_000000.csv'.length; at++)
      damaged[at] = 0xff;
    const error = await importErrorOf(parseImport(damaged));
    expect(error).toMatchObject({ code: 'corrupt-file', origin: 'part_000000.csv' });
  });
});

describe('CSV quoting', () => {
  it('reads quoted commas, doubled quotes and line breaks inside fields, numbering rows by their first line', async () => {
    const csv = [
      HEADER,
      '"A title, with a comma",https://a.example/1,1700000000,1,"x|y",unread',
      '"A ""quoted"" word",https://a.example/2,1700000000,2,,unread',
      '"Two',
      'lines\r\nthree",https://a.example/3,1700000000,3,,archive',
      '',
      '   ',
      'After blank lines,https://a.example/4,1700000000,4,,unread',
    ].join('\r\n');
    const parse = await parseText(csv);
    expect(itemsOf(parse).map(({ origin, title, archived }) => [origin, title, archived])).toEqual([
      ['line 2', 'A title, with a comma', false],
      ['line 3', 'A "quoted" word', false],
      ['line 4', 'Two lines three', true],
      ['line 9', 'After blank lines', false],
    ]);
    expect(parse.warnings).toEqual([]);
  });

  it('warns about broken quoting and short rows, and still reads what it can', async () => {
    const csv = [
      HEADER,
      'Short row,https://a.example/1',
      'Stray "quote" inside,https://a.example/2,1700000000,2,,unread',
      '"Never closed,https://a.example/3,1700000000,3,,unread',
      'Swallowed,https://a.example/4,1700000000,4,,unread',
    ].join('\n');
    const parse = await parseText(csv);
    expect(itemsOf(parse).map(({ url }) => url)).toEqual([
      'https://a.example/1',
      'https://a.example/2',
    ]);
    expect(parse.warnings).toEqual([
      { origin: 'line 2', code: 'malformed-row', detail: 'TooFewFields' },
      { origin: 'line 4', code: 'malformed-row', detail: 'MissingQuotes,TooFewFields' },
    ]);
    // The unclosed quote takes the rest of the file into one title: no address is left.
    expect(parse.skipped).toEqual([{ origin: 'line 4', code: 'missing-url', detail: '' }]);
  });
});

describe('titles', () => {
  it('keeps markup and script out of titles: plain text, nothing run', async () => {
    const ran: string[] = [];
    (globalThis as Record<string, unknown>).__ran = (what: string) => ran.push(what);
    const csv = [
      HEADER,
      '"<script>__ran(\'csv\')</script><b>Bold</b> &amp; <img src=x onerror=""__ran(\'img\')"">news",https://a.example/1,1,1,,unread',
      '"1 < 2 and 3 > 2",https://a.example/2,1,1,,unread',
      '"   ",https://a.example/3,1,1,,unread',
    ].join('\n');
    const parse = await parseText(csv);
    expect(itemsOf(parse).map(({ title }) => title)).toEqual([
      'Bold & news',
      '1 < 2 and 3 > 2',
      'https://a.example/3',
    ]);
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
      <DT><A HREF="https://a.example/4"><script>__ran('html')</script>&lt;b&gt;Shown as typed&lt;/b&gt;</A>
    </DL>`;
    expect(itemsOf(await parseText(html))[0]?.title).toBe('<b>Shown as typed</b>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual([]);
  });
});

describe('lengths', () => {
  it('cuts a title longer than Margins stores, with a warning', async () => {
    const parse = await parseText(
      `${HEADER}\n${'t'.repeat(5_000)},https://a.example/,1,1,,unread\n`,
    );
    expect(itemsOf(parse)[0]?.title).toHaveLength(4_096);
    expect(parse.warnings).toEqual([{ origin: 'line 2', code: 'text-truncated', detail: 'title' }]);
  });
});

describe('addresses', () => {
  it.each([
    ['', 'missing-url'],
    ['   ', 'missing-url'],
    ['javascript:alert(1)', 'bookmarklet'],
    ['place:sort=8&maxResults=10', 'bookmark-query'],
    ['www.news.example/a', 'relative-url'],
    ['not a url', 'invalid-url'],
    ['ftp://files.example/a', 'invalid-url'],
    ['data:text/html,<p>x</p>', 'invalid-url'],
    [`https://a.example/${'x'.repeat(9_000)}`, 'invalid-url'],
  ])('skips %j as %s, naming the line', async (url, code) => {
    const parse = await parseText(`${HEADER}\nTitle,"${url}",1,1,,unread\n`);
    expect(itemsOf(parse)).toEqual([]);
    expect(parse.skipped).toMatchObject([{ origin: 'line 2', code }]);
  });

  it('keeps an address as the URL parser writes it', async () => {
    const parse = await parseText(`${HEADER}\nT, HTTPS://News.Example/a b ,1,1,,unread\n`);
    expect(itemsOf(parse)[0]?.url).toBe('https://news.example/a%20b');
  });

  it('makes one item of an address saved twice, with the tags of both', async () => {
    const parse = await parseText(
      `${HEADER}\nFirst,https://a.example/x?utm_source=feed,1,1,one,unread\nAgain,https://a.example/x,2,2,two|ONE,unread\n`,
    );
    expect(itemsOf(parse)).toEqual([
      item({
        origin: 'line 2',
        url: 'https://a.example/x?utm_source=feed',
        title: 'First',
        savedAt: '1970-01-01T00:00:01.000Z',
        tags: ['one', 'two'],
      }),
    ]);
    expect(parse.skipped).toEqual([{ origin: 'line 3', code: 'duplicate-url', detail: 'line 2' }]);
  });
});

describe('dates', () => {
  it('drops a date that does not parse with a warning naming the line, keeping the item', async () => {
    const parse = await parseText(
      `${HEADER}\nA,https://a.example/1,yesterday,1,,unread\nB,https://a.example/2,-5,2,,unread\nC,https://a.example/3,99999999999999999999,3,,unread\nD,https://a.example/4,,4,,unread\n`,
    );
    expect(itemsOf(parse).map(({ savedAt }) => savedAt)).toEqual([null, null, null, null]);
    expect(parse.warnings).toEqual([
      { origin: 'line 2', code: 'bad-date', detail: 'time_added: "yesterday"' },
      { origin: 'line 3', code: 'bad-date', detail: 'time_added: "-5"' },
      { origin: 'line 4', code: 'bad-date', detail: 'time_added: "99999999999999999999"' },
    ]);
  });
});

describe('tags', () => {
  it('trims tags and drops empty ones and those equal but for case; __proto__ is just a name', async () => {
    const parse = await parseText(
      `${HEADER}\nT,https://a.example/,1,1, News | |news|__proto__|constructor| Long  reads ,unread\n`,
    );
    expect(itemsOf(parse)[0]?.tags).toEqual(['News', '__proto__', 'constructor', 'Long reads']);
    expect(({} as Record<string, unknown>).News).toBeUndefined();
  });

  it('reads a CSV whose header names a column __proto__ without touching any prototype', async () => {
    const parse = await parseText(
      `${HEADER},__proto__,constructor\nT,https://a.example/,1,1,,unread,{"x":1},y\n`,
    );
    expect(itemsOf(parse)).toHaveLength(1);
    expect(Object.getPrototypeOf(itemsOf(parse)[0])).toBe(Object.prototype);
  });
});

describe('progress', () => {
  it('reports from 0 to 1, never going back', async () => {
    const rows = Array.from(
      { length: 1_000 },
      (_, n) => `T${n},https://a.example/${n},1,${n},,unread`,
    );
    const fractions: number[] = [];
    await parseText([HEADER, ...rows].join('\n'), { onProgress: (f) => fractions.push(f) });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });
});
