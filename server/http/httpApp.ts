import express, { type Express, type Router } from 'express';
import type { AuthService } from '../auth';
import type { FileStorage } from '../media/storage';
import type { Logger, Metrics } from '../observability';
import { authRoutes } from './authRoutes';
import { healthRoutes, type HealthCheck } from './healthRoutes';
import { errorHandler, HttpError } from './HttpError';
import { staticRoutes } from './staticRoutes';

/** Everything the HTTP API needs. `apiRoutes` lets other concerns mount their resources under /api. */
export interface HttpAppDeps {
  log: Logger;
  metrics: Metrics;
  auth: AuthService;
  healthChecks: HealthCheck[];
  clientDir: string;
  avatarsDir: string;
  /** Served at /media with long-lived cache headers (files there are named by content or id). */
  mediaDir?: string;
  /** Without `mediaDir`: storage whose files are read and served at /media (a bucket without a public URL). */
  mediaStorage?: FileStorage;
  apiRoutes?: Record<string, Router>;
}

/** Builds the express app: JSON API under /api, health and metrics, the web client. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(timing(deps.metrics));
  app.use('/api', express.json({ limit: '64kb' }));
  app.use('/api/auth', authRoutes(deps.auth));
  for (const [path, router] of Object.entries(deps.apiRoutes ?? {})) app.use(`/api/${path}`, router);
  app.use('/api', (req) => {
    throw new HttpError(404, 'not_found', `No API route ${req.method} ${req.originalUrl}.`);
  });
  app.use(healthRoutes(deps.healthChecks, deps.metrics));
  app.use(staticRoutes(deps.clientDir, deps.avatarsDir, deps.mediaDir, deps.mediaStorage));
  app.use(errorHandler(deps.log));
  return app;
}

function timing(metrics: Metrics): express.RequestHandler {
  return (req, res, next) => {
    if (!req.path.startsWith('/api/')) return next();
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () =>
      end({
        route: req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched',
        status: String(res.statusCode),
      }),
    );
    next();
  };
}
