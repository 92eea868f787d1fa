import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterPlan, PASSED_THROUGH } from './clusterPlan';

const composeFile = fileURLToPath(new URL('../../docker/compose.yaml', import.meta.url));

interface ComposeService {
  environment?: Record<string, unknown>;
  command?: string[];
  healthcheck?: unknown;
  image?: string;
  build?: unknown;
}

/** No Docker engine runs here, so the compose file is checked as data against the cluster command's plan. */
describe('docker/compose.yaml and npm run cluster', () => {
  const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const plan = clusterPlan({
    servers: 2,
    workers: 2,
    port: 2567,
    host: '127.0.0.1',
    databaseUrl: 'postgres://x@h/db',
    redisUrl: 'redis://h:6379',
    jwtSecret: 's'.repeat(32),
    dataDir: '/tmp/x',
  });

  it('names the same services: the plan’s proxy, servers and workers, plus PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...plan.map((p) => p.name), 'postgres', 'redis'].sort(),
    );
  });

  it('gives each service the variables the cluster command sets, and only passed-through ones besides', () => {
    for (const p of plan) {
      const names = Object.keys(compose.services[p.name]?.environment ?? {});
      expect(names, p.name).toEqual(expect.arrayContaining(Object.keys(p.env)));
      const extra = names.filter((n) => !(n in p.env));
      expect(
        extra.filter((n) => !(PASSED_THROUGH as readonly string[]).includes(n)),
        p.name,
      ).toEqual([]);
    }
  });

  it('runs the same entry point for each role, each with a health check', () => {
    for (const p of plan) {
      const service = compose.services[p.name]!;
      const entry = service.command?.at(-1) ?? 'server/main.ts'; // the image's default command
      expect(entry, p.name).toBe(p.entry);
      expect(service.image, p.name).toBe('kotodama:local');
    }
    const dockerfile = readFileSync(
      fileURLToPath(new URL('../../docker/Dockerfile', import.meta.url)),
      'utf8',
    );
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/healthz/); // servers and the proxy (which forwards it)
    for (const p of plan.filter((x) => x.role === 'worker'))
      expect(compose.services[p.name]!.healthcheck).toBeTruthy();
    for (const name of ['postgres', 'redis']) expect(compose.services[name]!.healthcheck).toBeTruthy();
  });

  it('gives each server its own SELF_HOSTNAME, the address the proxy routes to', () => {
    const servers = plan.filter((p) => p.role === 'server');
    const hosts = servers.map((p) => compose.services[p.name]!.environment!.SELF_HOSTNAME);
    expect(hosts).toEqual(servers.map((p) => p.name));
    for (const p of servers) expect(compose.services[p.name]!.environment!.EMBEDDED_WORKER).toBe('false');
  });
});
