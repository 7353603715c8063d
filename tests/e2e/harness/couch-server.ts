/**
 * A real CouchDB-compatible server for sync tests: PouchDB Server (`pouchdb-server --in-memory`),
 * started on 127.0.0.1 at a free port in a temporary directory (it writes its config and log
 * there), and stopped after. It speaks CouchDB's HTTP API, so Margins syncs with it exactly as
 * it does with Apache CouchDB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../node_modules/.bin/pouchdb-server', import.meta.url));

export interface CouchServer {
  origin: string;
  /** Stops the server; `start()` brings it back on the same port, empty (it is in memory). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Requires `name`/`password` for the server's admin actions (CouchDB's admin account). */
  addAdmin(name: string, password: string): Promise<void>;
  /** JSON of a GET, for tests that read what the server holds. */
  get(path: string, auth?: string): Promise<unknown>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(origin)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error('pouchdb-server did not start within 30 s');
}

export interface CouchServerOptions {
  /**
   * Whether the server answers cross-origin requests from any origin (PouchDB Server's default).
   * Apache CouchDB ships with CORS off: a browser extension then reaches it only through its
   * site access (host permission), which is what a test of that access needs.
   */
  cors?: boolean;
}

export async function startCouchServer({
  cors = true,
}: CouchServerOptions = {}): Promise<CouchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'margins-couch-'));
  // PouchDB Server reads and keeps its settings in ./config.json (the same keys as CouchDB's).
  if (!cors) {
    await writeFile(join(dir, 'config.json'), JSON.stringify({ httpd: { enable_cors: false } }));
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';

  const start = async () => {
    child = spawn(BIN, ['--in-memory', '--port', String(port), '--host', '127.0.0.1', '-n'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitForServer(origin, child);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${log}`);
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((done) => {
      running.once('exit', () => done());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    origin,
    start,
    stop,
    async addAdmin(name, password) {
      const response = await fetch(`${origin}/_config/admins/${encodeURIComponent(name)}`, {
        method: 'PUT',
        body: JSON.stringify(password),
      });
      if (!response.ok) throw new Error(`adding an admin answered ${response.status}`);
    },
    async get(path, auth) {
      const headers: Record<string, string> = auth ? { Authorization: `Basic ${btoa(auth)}` } : {};
      const response = await fetch(`${origin}/${path}`, { headers });
      return response.json();
    },
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
