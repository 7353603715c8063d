import type { MessageSender, Runtime } from '../../../../src/platform/platform.ts';
import { FakeEvent } from './events.ts';
import type { FakeTabs } from './tabs.ts';

export const EXTENSION_ID = 'margins-test-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

type MessageListener = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/**
 * The extension's runtime: its id and addresses, and messages delivered to every onMessage
 * listener, structured-cloned both ways; the first listener that answers answers the sender.
 */
export class FakeRuntime implements Runtime {
  readonly id = EXTENSION_ID;
  readonly onMessage = new FakeEvent<MessageListener>();
  readonly onInstalled = new FakeEvent<(details: { reason: string }) => void>();
  readonly onStartup = new FakeEvent<() => void>();
  /** Who `sendMessage` sends as: Margins' popup unless the test says otherwise. */
  sender: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };

  constructor(private readonly tabs: FakeTabs) {}

  getURL(path: string): string {
    return `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`;
  }

  async openOptionsPage(): Promise<void> {
    await this.tabs.create({ url: this.getURL('options.html') });
  }

  /** How many times `getPlatformInfo` was called (what keeps Chrome's worker up). */
  platformInfoCalls = 0;

  async getPlatformInfo(): Promise<{ os: string; arch: string }> {
    this.platformInfoCalls += 1;
    return { os: 'linux', arch: 'x86-64' };
  }

  async sendMessage(message: unknown): Promise<unknown> {
    const answers = this.onMessage.dispatch(structuredClone(message), structuredClone(this.sender));
    const answer = answers.find((candidate) => candidate !== undefined);
    if (answer === undefined) {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    return structuredClone(await answer);
  }

  /** Sends as Margins' revisit script running in this tab's page. */
  sendFromTab(tab: { id: number; url: string }): void {
    this.sender = { id: EXTENSION_ID, url: tab.url, tab: { id: tab.id, url: tab.url } };
  }
}
