// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/import/index.ts';
import type { ImportError, ImportFormat } from '../../../src/import/index.ts';
import { utf8, zipOf } from './helpers.ts';

const BOM = '\uFEFF';
const POCKET_HEADER = 'title,url,time_added,cursor,tags,status';
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

function errorOf(bytes: Uint8Array): ImportError {
  try {
    detectFormat(bytes);
  } catch (error) {
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('detectFormat decides from the content alone', () => {
  it.each<[string, Uint8Array, ImportFormat]>([
    ['a Pocket CSV', utf8(`${POCKET_HEADER}\nT,https://a.example,1,1,,unread\n`), 'pocket-csv'],
    [
      'a Pocket CSV with a BOM and CRLF',
      utf8(`${BOM}${POCKET_HEADER}\r\nT,https://a.example,1,1,,unread\r\n`),
      'pocket-csv',
    ],
    [
      'a Pocket CSV with its columns in another order',
      utf8('url,title,tags,time_added,status\n'),
      'pocket-csv',
    ],
    ['the old Instapaper CSV', utf8('URL,Title,Selection,Folder\n'), 'instapaper-csv'],
    [
      'the new Instapaper CSV',
      utf8(`${BOM}URL,Title,Selection,Folder,Timestamp,Tags\r\n`),
      'instapaper-csv',
    ],
    [
      'Margins JSON',
      utf8(`${BOM}\n  {"format": "margins-export", "version": 1, "articles": []}`),
      'margins-json',
    ],
    [
      'Netscape bookmarks',
      utf8('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p></DL>'),
      'netscape-html',
    ],
    [
      'Netscape bookmarks in lower case',
      utf8('<!doctype netscape-bookmark-file-1><dl></dl>'),
      'netscape-html',
    ],
    [
      'Netscape bookmarks without the DOCTYPE line',
      utf8('<TITLE>Bookmarks</TITLE>\n<DL><p>\n  <DT><A HREF="https://a.example/">A</A>\n</DL><p>'),
      'netscape-html',
    ],
    [
      'Netscape bookmarks in lower case, without a DOCTYPE, HREF after other attributes',
      utf8('<dl>\n<dt class="x"> <a add_date="1" href="https://a.example/">A</a>\n</dl>'),
      'netscape-html',
    ],
    [
      'bookmarks after a line of text',
      utf8('Exported on Monday\n<DL><DT><A HREF="https://a.example/">A</A></DL>'),
      'netscape-html',
    ],
    [
      'a Pocket CSV whose first title quotes bookmark markup',
      utf8(`${POCKET_HEADER}\n"<dl><dt><a href=x>",https://a.example,1,1,,unread\n`),
      'pocket-csv',
    ],
    [
      'Pocket’s ril_export.html',
      utf8(
        '<!DOCTYPE html>\n<html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul></ul></body></html>',
      ),
      'pocket-html',
    ],
    [
      'a Pocket ZIP',
      zipOf({ 'part_000000.csv': `${POCKET_HEADER}\n`, 'annotations/part_000000.json': '[]' }),
      'pocket-zip',
    ],
    [
      'an Omnivore ZIP',
      zipOf({
        'metadata_0_to_20.json': '[]',
        'content/a.html': '<p></p>',
        'highlights/a.md': '> q',
      }),
      'omnivore-zip',
    ],
  ])('%s', (_, bytes, format) => {
    expect(detectFormat(bytes)).toBe(format);
  });

  it.each<[string, Uint8Array, ImportError['code']]>([
    ['a PNG', PNG, 'unknown-format'],
    ['random text', utf8('Dear diary, today I saved nothing.\nThe end.'), 'unknown-format'],
    [
      'JSON that is not a Margins export',
      utf8('{"format": "something-else", "articles": []}'),
      'unknown-format',
    ],
    ['a CSV with other columns', utf8('name,email\nJane,jane@example.org\n'), 'unknown-format'],
    [
      'an HTML page that is no export',
      utf8('<!DOCTYPE html><html><title>Hello</title></html>'),
      'html-without-bookmarks',
    ],
    [
      'an HTML page with links and a definition list, after a comment',
      utf8(
        '<!-- saved from url=(0024)https://news.example/ -->\n<html><body><dl><dt>Term</dt><dd><a href="https://a.example/">see</a></dd></dl></body></html>',
      ),
      'html-without-bookmarks',
    ],
    [
      'a bookmark list with no <DL> around it',
      utf8('<html><body><dt><a href="https://a.example/">A</a></body></html>'),
      'html-without-bookmarks',
    ],
    [
      'an XML file (XBEL bookmarks)',
      utf8('<?xml version="1.0"?><xbel><bookmark href="https://a.example/"/></xbel>'),
      'unknown-format',
    ],
    ['a ZIP of something else', zipOf({ 'photos/cat.jpg': PNG }), 'unknown-format'],
    ['nothing', new Uint8Array(0), 'empty'],
    ['only white space', utf8(`${BOM} \r\n\t\n`), 'empty'],
  ])('refuses %s', (_, bytes, code) => {
    expect(errorOf(bytes).code).toBe(code);
  });

  it('calls a truncated ZIP corrupt, saying where it stops', () => {
    const whole = zipOf({
      'part_000000.csv': `${POCKET_HEADER}\nT,https://a.example,1,1,,unread\n`,
    });
    const cut = whole.subarray(0, whole.length - 30);
    expect(errorOf(cut)).toMatchObject({ code: 'corrupt-file', origin: `byte ${cut.length}` });
  });
});
