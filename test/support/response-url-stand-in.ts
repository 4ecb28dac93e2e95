/**
 * A loopback stand-in for a slash command's / interaction's `response_url`: records every JSON body
 * POSTed to it and answers `{"ok":true}` like Slack (or a scripted status).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createArrivals } from './arrivals';

export interface ResponseUrlPost {
  /** Path the POST went to (each `urlFor(name)` gets its own path). */
  path: string;
  body: Record<string, unknown>;
}

export interface ResponseUrlStandIn {
  /** A fresh response_url; posts to it are recorded with path `/<name>`. */
  urlFor(name?: string): string;
  posts: ResponseUrlPost[];
  postsTo(name: string): ResponseUrlPost[];
  /** Resolves once `count` posts (to `name` when given) have arrived; rejects after timeoutMs (default 5000). */
  waitForPosts(count: number, name?: string, timeoutMs?: number): Promise<ResponseUrlPost[]>;
  /** Status answered to the next posts (default 200). */
  setStatus(status: number): void;
  /** Scripts the status per post (it sees the body and path); `null` goes back to setStatus's status. */
  respondWith(script: ((body: Record<string, unknown>, path: string) => number) | null): void;
  close(): Promise<void>;
}

export function startResponseUrlStandIn(): Promise<ResponseUrlStandIn> {
  const posts: ResponseUrlPost[] = [];
  const arrivals = createArrivals();
  let status = 200;
  let script: ((body: Record<string, unknown>, path: string) => number) | null = null;
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { unparsed: raw };
      }
      posts.push({ path: req.url ?? '/', body });
      const answered = script ? script(body, req.url ?? '/') : status;
      res.writeHead(answered, { 'content-type': 'application/json' }).end(answered === 200 ? '{"ok":true}' : '{"ok":false,"error":"scripted_failure"}');
      arrivals.arrived();
    });
  });
  const postsTo = (name: string): ResponseUrlPost[] => posts.filter((p) => p.path === `/${name}`);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        urlFor(name) {
          counter += 1;
          return `http://127.0.0.1:${port}/${name ?? `response-${counter}`}`;
        },
        posts,
        postsTo,
        waitForPosts(count, name, timeoutMs = 5000) {
          const current = (): ResponseUrlPost[] => (name === undefined ? posts : postsTo(name));
          return arrivals.waitFor(current, count, timeoutMs, () => `Timed out waiting for ${count} response_url post(s)${name ? ` to /${name}` : ''}; got ${current().length}`);
        },
        setStatus(next) {
          status = next;
        },
        respondWith(next) {
          script = next;
        },
        close() {
          return new Promise((resolveClose) => {
            server.closeAllConnections();
            server.close(() => resolveClose());
          });
        },
      });
    });
  });
}
