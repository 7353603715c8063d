/**
 * One protocol, no side channels: every request the background accepts has a handler and a
 * schema for its answer, every in-tab call a function and a schema for its result, and nothing
 * in src/ talks to the background or to an injected page except through them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/background/router.ts';
import { IN_TAB_FUNCTIONS, IN_TAB_RESULTS } from '../../../src/shared/in-tab.ts';
import {
  CONTENT_SCRIPT_REQUESTS,
  RequestSchema,
  ResponseSchemas,
} from '../../../src/shared/protocol.ts';

const ROOT = join(import.meta.dirname, '../../..');
const requestTypes = RequestSchema.options.map((option) => option.entries.type.literal).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The files of src/ whose text matches `pattern`, relative to the repository. */
function filesMatching(pattern: RegExp): string[] {
  return sourceFiles(join(ROOT, 'src'))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file))
    .sort();
}

describe('the message protocol', () => {
  it('has a handler for every request, and none for a request it does not define', () => {
    expect(Object.keys(handlers).sort()).toEqual(requestTypes);
  });

  it('says what every request answers, and nothing more', () => {
    expect(Object.keys(ResponseSchemas).sort()).toEqual(requestTypes);
  });

  it('lets content scripts send only requests it defines', () => {
    expect(requestTypes).toEqual(expect.arrayContaining([...CONTENT_SCRIPT_REQUESTS]));
  });

  it('is the only way to the background: one file sends runtime messages, one listens', () => {
    // Besides it, the background's one request to Chrome's offscreen page, which answers it.
    expect(filesMatching(/runtime\.sendMessage\(/)).toEqual([
      'src/background/extract-fetched.ts',
      'src/shared/messaging.ts',
    ]);
    expect(filesMatching(/runtime\.onMessage\.addListener\(/)).toEqual([
      'src/background/index.ts',
      'src/offscreen/main.ts',
    ]);
  });
});

describe('the in-tab protocol', () => {
  it('has a function and a result schema for every call', () => {
    expect(Object.keys(IN_TAB_FUNCTIONS).sort()).toEqual(Object.keys(IN_TAB_RESULTS).sort());
  });

  it('is the only way into a page: one file names its global, one injects', () => {
    expect(filesMatching(/__margins\b/)).toEqual(['src/shared/in-tab.ts']);
    expect(filesMatching(/\.executeScript\(/)).toEqual(['src/background/inject.ts']);
  });
});
