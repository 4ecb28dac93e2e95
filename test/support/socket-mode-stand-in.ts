/**
 * A loopback stand-in for Slack's Socket Mode WebSocket. Attached to an API stand-in, it makes
 * `apps.connections.open` return its `ws://` URL; on connection it sends `hello`, and tests push
 * envelopes (`slash_commands`, `events_api`, `interactive`) and read the app's acks.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SlackApiStandIn } from './slack-api-stand-in';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface SocketModeStandIn {
  /** `ws://127.0.0.1:PORT/link/`. */
  url: string;
  /** Every ack the app sent, in order. */
  acks: SocketAck[];
  /** Resolves once an app connection has been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to the connected app and resolves with its ack (rejects after timeoutMs, default 5000). */
  push(type: EnvelopeType, payload: Record<string, unknown>, options?: { retryAttempt?: number; retryReason?: string; timeoutMs?: number }): Promise<SocketAck>;
  /** How many times the app connected. */
  readonly connectionCount: number;
  close(): Promise<void>;
}

export async function startSocketModeStandIn(api: SlackApiStandIn): Promise<SocketModeStandIn> {
  const server = http.createServer((_req, res) => res.writeHead(426).end());
  const wss = new WebSocketServer({ server });
  const acks: SocketAck[] = [];
  const ackWaiters = new Map<string, (ack: SocketAck) => void>();
  const connectWaiters: Array<() => void> = [];
  let current: WebSocket | null = null;
  let connectionCount = 0;
  let envelopeCounter = 0;

  wss.on('connection', (socket) => {
    connectionCount += 1;
    current = socket;
    socket.on('message', (data) => {
      let ack: SocketAck;
      try {
        ack = JSON.parse(String(data)) as SocketAck;
      } catch {
        return;
      }
      acks.push(ack);
      ackWaiters.get(ack.envelope_id)?.(ack);
      ackWaiters.delete(ack.envelope_id);
    });
    socket.on('close', () => {
      if (current === socket) current = null;
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'standin', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: api.ids.appId },
      }),
    );
    for (const wake of connectWaiters.splice(0)) wake();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `ws://127.0.0.1:${port}/link/`;
  api.respond('apps.connections.open', (_params) => ({ body: { ok: true, url } }));

  return {
    url,
    acks,
    get connectionCount() {
      return connectionCount;
    },
    connected(timeoutMs = 5000) {
      if (current) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('Timed out waiting for the app to connect to the Socket Mode stand-in')), timeoutMs);
        connectWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    push(type, payload, options = {}) {
      const socket = current;
      if (!socket) return Promise.reject(new Error('No app is connected to the Socket Mode stand-in'));
      envelopeCounter += 1;
      const envelopeId = `env-${envelopeCounter}-${Date.now()}`;
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' } : {}),
      };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          ackWaiters.delete(envelopeId);
          reject(new Error(`Timed out waiting for the ack of ${type} envelope ${envelopeId}`));
        }, options.timeoutMs ?? 5000);
        ackWaiters.set(envelopeId, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        socket.send(JSON.stringify(envelope));
      });
    },
    close() {
      api.respond('apps.connections.open', null);
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => {
        wss.close(() => {
          server.closeAllConnections();
          server.close(() => resolve());
        });
      });
    },
  };
}
