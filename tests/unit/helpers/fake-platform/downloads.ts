import { resolveObjectURL } from 'node:buffer';
import { posix } from 'node:path';
import type {
  DownloadItem,
  DownloadOptions,
  DownloadQuery,
  Downloads,
} from '../../../../src/platform/platform.ts';
import type { FakePermissions } from './permissions.ts';

export const DOWNLOADS_FOLDER = '/home/user/Downloads';

/** A file in the downloads list, with what was written. */
export interface FakeDownload extends DownloadItem {
  /** False once the file was deleted from disk. */
  exists: boolean;
  /** False once the entry was erased from the downloads list. */
  listed: boolean;
  text: string;
}

/** What a data: or blob: URL holds, read when the download starts (a blob: URL may be revoked). */
async function contentOf(url: string): Promise<string> {
  if (url.startsWith('blob:')) {
    const blob = resolveObjectURL(url);
    if (!blob) throw new Error(`Invalid URL: ${url}`);
    return blob.text();
  }
  if (url.startsWith('data:')) return (await fetch(url)).text();
  throw new Error(`the fake downloads only data: and blob: URLs, not ${url}`);
}

/** `name (1).json`, `name (2).json`, …: the browser's answer to a file that exists already. */
function uniquified(path: string, taken: (path: string) => boolean): string {
  const { dir, name, ext } = posix.parse(path);
  for (let n = 1; ; n++) {
    const candidate = posix.join(dir, `${name} (${n})${ext}`);
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The downloads folder and list: files are recorded with their content, deleted from disk and
 * erased from the list as the browser does. Every call throws while the optional `downloads`
 * permission is not granted, as the API is missing then (Chrome adds it on the grant).
 */
export class FakeDownloads implements Downloads {
  private readonly items: FakeDownload[] = [];
  private lastStart = 0;

  constructor(
    private readonly permissions: FakePermissions,
    private readonly now: () => number,
  ) {}

  async download(options: DownloadOptions): Promise<number> {
    this.checkGranted();
    const text = await contentOf(options.url);
    let filename = posix.join(DOWNLOADS_FOLDER, options.filename);
    const taken = (path: string) =>
      this.items.some((item) => item.exists && item.filename === path);
    if (taken(filename)) {
      if (options.conflictAction === 'overwrite') {
        for (const item of this.items) if (item.filename === filename) item.exists = false;
      } else {
        filename = uniquified(filename, taken);
      }
    }
    return this.add(filename, text).id;
  }

  async search(query: DownloadQuery): Promise<DownloadItem[]> {
    this.checkGranted();
    const found = this.matching(query).map(({ id, filename, startTime }) => ({
      id,
      filename,
      startTime,
    }));
    const [order] = query.orderBy ?? [];
    if (order === 'startTime') found.sort((a, b) => a.startTime.localeCompare(b.startTime));
    if (order === '-startTime') found.sort((a, b) => b.startTime.localeCompare(a.startTime));
    return found;
  }

  async removeFile(downloadId: number): Promise<void> {
    this.checkGranted();
    const item = this.items.find((candidate) => candidate.id === downloadId && candidate.listed);
    if (!item) throw new Error(`Invalid download id ${downloadId}`);
    if (!item.exists) throw new Error('Download file already deleted');
    item.exists = false;
  }

  async erase(query: DownloadQuery): Promise<number[]> {
    this.checkGranted();
    const erased = this.matching(query);
    for (const item of erased) item.listed = false;
    return erased.map((item) => item.id);
  }

  /**
   * Puts a file in the folder and the list as if downloaded before (the user's own files),
   * whatever the permission. `filename` is relative to the downloads folder.
   */
  record(file: { filename: string; text: string; startTime: string }): FakeDownload {
    return this.add(posix.join(DOWNLOADS_FOLDER, file.filename), file.text, file.startTime);
  }

  /** Every file still on disk, in the order downloaded. */
  files(): FakeDownload[] {
    return this.items.filter((item) => item.exists).map((item) => ({ ...item }));
  }

  private add(filename: string, text: string, startTime?: string): FakeDownload {
    let started = startTime;
    if (started === undefined) {
      // Each download starts at least a millisecond after the one before: the list has one order.
      this.lastStart = Math.max(this.now(), this.lastStart + 1);
      started = new Date(this.lastStart).toISOString();
    }
    const item: FakeDownload = {
      id: this.items.length + 1,
      filename,
      startTime: started,
      exists: true,
      listed: true,
      text,
    };
    this.items.push(item);
    return { ...item };
  }

  private matching(query: DownloadQuery): FakeDownload[] {
    return this.items.filter(
      (item) =>
        item.listed &&
        (query.id === undefined || item.id === query.id) &&
        (query.exists === undefined || item.exists === query.exists),
    );
  }

  private checkGranted(): void {
    if (!this.permissions.has('downloads')) {
      throw new TypeError('browser.downloads is undefined without the downloads permission');
    }
  }
}
