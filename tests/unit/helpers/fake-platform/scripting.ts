import type {
  RegisteredContentScript,
  Scripting,
  ScriptInjection,
} from '../../../../src/platform/platform.ts';
import { EXTRACTION_BUNDLE } from '../../../../src/shared/in-tab.ts';
import type { FakeTab, FakeTabs } from './tabs.ts';

/** A promise that never settles: what a frozen page, or a load that never ends, gives back. */
const never = () => new Promise<never>(() => undefined);

/**
 * Runs a function the way the browser does: from its source text, in a world where what the
 * injected bundle defines exists, with the result structured-cloned back. A function that closes
 * over the background's variables fails here as it would in a real tab.
 */
function runInPage(func: () => unknown, tab: FakeTab): unknown {
  const globals = tab.injected.includes(EXTRACTION_BUNDLE) ? { __margins: tab.page ?? {} } : {};
  const saved = Object.keys(globals).map((name) => ({
    name,
    descriptor: Object.getOwnPropertyDescriptor(globalThis, name),
  }));
  Object.assign(globalThis, globals);
  try {
    const call = new Function(`return (${func.toString()})();`) as () => unknown;
    return structuredClone(call());
  } finally {
    for (const { name, descriptor } of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  }
}

/** Injection into the fake tabs, and the registered content scripts the browser keeps. */
export class FakeScripting implements Scripting {
  private readonly registered = new Map<string, RegisteredContentScript>();

  constructor(private readonly tabs: FakeTabs) {}

  async executeScript(injection: ScriptInjection): Promise<{ result?: unknown }[]> {
    const tab = this.tabs.state(injection.target.tabId);
    if (tab.refuses !== undefined) throw new Error(tab.refuses);
    if (tab.frozen || (tab.loading && !injection.injectImmediately)) return never();
    if (injection.files) {
      tab.injected.push(...injection.files);
      return [{ result: undefined }];
    }
    return [{ result: runInPage(injection.func, tab) }];
  }

  async getRegisteredContentScripts(filter?: {
    ids?: string[];
  }): Promise<RegisteredContentScript[]> {
    return [...this.registered.values()]
      .filter((script) => !filter?.ids || filter.ids.includes(script.id))
      .map((script) => structuredClone(script));
  }

  async registerContentScripts(scripts: RegisteredContentScript[]): Promise<void> {
    for (const { id } of scripts) {
      if (this.registered.has(id)) throw new Error(`Duplicate script ID '${id}'`);
    }
    for (const script of scripts) this.registered.set(script.id, structuredClone(script));
  }

  async unregisterContentScripts(filter?: { ids?: string[] }): Promise<void> {
    const ids = filter?.ids ?? [...this.registered.keys()];
    for (const id of ids) {
      if (!this.registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
    for (const id of ids) this.registered.delete(id);
  }
}
