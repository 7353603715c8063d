import type { Offscreen } from '../../../../src/platform/platform.ts';

/** At most one offscreen document, as in Chrome: a second create fails while one is open. */
export class FakeOffscreen implements Offscreen {
  open: string | null = null;
  created = 0;

  async createDocument(parameters: { url: string }): Promise<void> {
    if (this.open !== null) throw new Error('Only a single offscreen document may be created.');
    this.open = parameters.url;
    this.created += 1;
  }

  async closeDocument(): Promise<void> {
    if (this.open === null) throw new Error('No current offscreen document.');
    this.open = null;
  }
}
