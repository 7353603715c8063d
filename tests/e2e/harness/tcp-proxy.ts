/**
 * A TCP proxy in front of a server, at its own free port on 127.0.0.1, that a test can take
 * down and bring back, or have answer by itself. Sync tests give the browsers the proxy's
 * address as their server's: the in-memory PouchDB Server behind it keeps its data while the
 * browsers see it disappear (connections refused), come back, or answer as a broken server would
 * (an HTTP error page, a captive portal's HTML).
 */
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** What the proxy does with a new connection. */
export type ProxyMode =
  | { kind: 'forward' }
  /** Not listening: connections are refused, as with a stopped server or a dead network. */
  | { kind: 'down' }
  /** Answers every request itself with this status, content type and body. */
  | { kind: 'answer'; status: number; contentType: string; body: string };

export interface TcpProxy {
  /** `http://127.0.0.1:PORT`, the address clients are given. */
  origin: string;
  mode(): ProxyMode;
  /** Switches mode; connections already open are cut, so no client keeps the old behaviour. */
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (`http://host:port`), forwarding. */
export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const { hostname, port: targetPort } = new URL(target);
  let mode: ProxyMode = { kind: 'forward' };
  const open = new Set<Socket>();

  // Answers in 'answer' mode: Node's HTTP parser reads each request, whatever its body.
  const answering = createHttpServer((request, response: ServerResponse) => {
    request.resume();
    const canned = mode.kind === 'answer' ? mode : null;
    if (!canned) {
      response.destroy();
      return;
    }
    response.writeHead(canned.status, {
      'content-type': canned.contentType,
      connection: 'close',
    });
    response.end(canned.body);
  });

  const proxy: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (mode.kind === 'answer') {
      answering.emit('connection', client);
      return;
    }
    const upstream = createConnection({ host: hostname, port: Number(targetPort) });
    open.add(upstream);
    upstream.once('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    client.once('close', () => upstream.destroy());
    upstream.on('error', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const listen = (port: number) =>
    new Promise<void>((ready, fail) => {
      proxy.once('error', fail);
      proxy.listen(port, '127.0.0.1', () => {
        proxy.off('error', fail);
        ready();
      });
    });
  const stopListening = () =>
    new Promise<void>((done) => {
      if (!proxy.listening) {
        done();
        return;
      }
      proxy.close(() => done());
    });
  const cutOpenConnections = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };

  await listen(0);
  const { port } = proxy.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mode: () => mode,
    async setMode(next) {
      mode = next;
      cutOpenConnections();
      if (next.kind === 'down') await stopListening();
      else if (!proxy.listening) await listen(port);
    },
    async close() {
      cutOpenConnections();
      await stopListening();
      answering.close();
    },
  };
}
