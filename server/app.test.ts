import { get } from 'node:http';
import { Room } from '@colyseus/core';
import { RedisPresence } from '@colyseus/redis-presence';
import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { redisUrl, serviceAvailable } from '../test-support/services';
import { bootTestServer, type TestServer } from '../test-support/testServer';

class EchoRoom extends Room {
  override onCreate(): void {
    this.onMessage('echo', (client, message) => client.send('echo', message));
  }
}

/** A browser-style revalidation (fetch() would add `cache-control: no-cache` and always get a 200). */
function revalidate(url: string, etag: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'if-none-match': etag } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

async function echoThroughColyseus(server: TestServer): Promise<unknown> {
  server.gameServer.define('echo', EchoRoom);
  const client = new Client(`ws://127.0.0.1:${server.port}`);
  const room = await client.joinOrCreate('echo');
  const reply = new Promise((resolve) => room.onMessage('echo', resolve));
  room.send('echo', { hello: 'world' });
  const answer = await reply;
  await room.leave();
  return answer;
}

describe('the server process', () => {
  it('boots on embedded defaults, answers /healthz and /metrics, serves Colyseus, and stops cleanly', async () => {
    const server = await bootTestServer();
    try {
      const health = await server.get('/healthz');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', checks: { database: 'ok' } });

      expect(await echoThroughColyseus(server)).toEqual({ hello: 'world' });

      const avatar = await fetch(`${server.url}/avatars/kotoha.vrm`);
      expect(avatar.status).toBe(200);
      expect(avatar.headers.get('content-type')).toBe('model/gltf-binary');
      expect(avatar.headers.get('cache-control')).toMatch(/must-revalidate/);
      expect(await revalidate(`${server.url}/avatars/kotoha.vrm`, avatar.headers.get('etag')!)).toBe(304);

      const metrics = await server.get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toContain('process_cpu_seconds_total');
      expect(metrics.text).toContain('kotodama_event_loop_lag_p99_seconds');
      expect(metrics.text).toMatch(/kotodama_rooms \d/);
      expect(metrics.text).toContain('kotodama_http_request_duration_seconds');
    } finally {
      await server.stop();
    }
    // stopped means the port no longer answers
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 120_000);

  it('reports a database outage on /healthz with 503', async () => {
    const server = await bootTestServer();
    try {
      await server.services.db.close();
      const health = await server.get('/healthz');
      expect(health.status).toBe(503);
      expect(health.body.checks.database).toBe('down');
    } finally {
      await server.stop().catch(() => undefined);
    }
  }, 120_000);

  const withRedis = serviceAvailable('Redis', redisUrl);
  it.runIf(withRedis)(
    'uses the Redis presence and checks Redis on /healthz when REDIS_URL is set',
    async () => {
      const server = await bootTestServer({ REDIS_URL: redisUrl });
      try {
        expect((server.gameServer as unknown as { presence: unknown }).presence).toBeInstanceOf(
          RedisPresence,
        );
        const health = await server.get('/healthz');
        expect(health.body.checks).toEqual({ database: 'ok', redis: 'ok' });
        expect(await echoThroughColyseus(server)).toEqual({ hello: 'world' });
      } finally {
        await server.stop();
      }
    },
    120_000,
  );
});
