/** Serves tests/fixtures/*.html on 127.0.0.1 at a random port, as a real site would. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES_DIR } from './util.ts';

export interface FixtureServer {
  origin: string;
  /** The address of a fixture page, e.g. url('news7-pyongyang.html'). */
  url(page: string): string;
  close(): Promise<void>;
}

const PAGE_NAME = /^\/([\w.-]+\.html)$/;

export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const name = PAGE_NAME.exec(new URL(req.url ?? '/', 'http://localhost').pathname)?.[1];
    if (!name || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    readFile(join(FIXTURES_DIR, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (page) => `${origin}/${page}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
