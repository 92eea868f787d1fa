import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet): a content security policy that fits the web client (its own scripts,
 * WebSockets to this origin, blob: audio and models, avatar images from the bucket), no framing,
 * no MIME sniffing, HSTS when served over https.
 */
export function securityHeaders(options: { https: boolean; mediaOrigins: string[] }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", "'wasm-unsafe-eval'"],
        'connect-src': ["'self'", 'ws:', 'wss:', 'blob:', 'data:', ...options.mediaOrigins],
        'img-src': ["'self'", 'data:', 'blob:', 'https:', ...options.mediaOrigins],
        'media-src': ["'self'", 'blob:', 'data:', ...options.mediaOrigins],
        'worker-src': ["'self'", 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: options.https,
  });
}

/**
 * CORS for the API: browsers may call it from the allowed origins only (PUBLIC_URL's and
 * CORS_ORIGINS); other origins get no CORS headers, so their pages cannot read the answers.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, done) => done(null, !origin || allowed.has(origin)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'accept'],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
}
