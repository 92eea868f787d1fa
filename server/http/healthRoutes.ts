import { Router } from 'express';
import type { Metrics } from '../observability';

/** A dependency /healthz checks: a name and a probe that resolves true when it answers. */
export interface HealthCheck {
  name: string;
  check(): Promise<boolean>;
}

/** GET /healthz (200 when every dependency answers, 503 otherwise) and GET /metrics (Prometheus text). */
export function healthRoutes(checks: HealthCheck[], metrics: Metrics): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => [c.name, await withTimeout(c.check(), 2000)] as const),
    );
    const ok = results.every(([, up]) => up);
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      checks: Object.fromEntries(results.map(([n, up]) => [n, up ? 'ok' : 'down'])),
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

async function withTimeout(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
