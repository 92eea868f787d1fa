import { z } from 'zod';
import { TIER_IDS, type Plan, type TierId } from '@shared';
import { accountsOf, AccountsConfigError } from './accountsConfig';

/**
 * The only reader of process.env. Settings are validated once, frozen and typed; every real
 * service switches on when its variables are present, otherwise the embedded default is used.
 */

const optional = z.string().trim().min(1).optional();
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  PUBLIC_ADDRESS: optional,
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 24 * 3600),
  LINK_TOKEN_TTL_SECONDS: seconds(24 * 3600),
  /** `memory` keeps the embedded database in memory only (tests, throw-away demos). */
  EMBEDDED_DATABASE: z.enum(['disk', 'memory']).default('disk'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// URL')
    .optional(),
  OPENAI_API_KEY: optional,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  LLM_BASE_URL: z.url().optional(),
  LLM_MODEL: optional,
  LLM_API_KEY: optional,
  KOEIROMAP_API_KEY: optional,
  KOEIROMAP_URL: z.url().optional(),
  TTS_PROVIDER: z.enum(['espeak', 'koeiromap', 'openai', 'none']).optional(),
  PINECONE_API_KEY: optional,
  PINECONE_INDEX: z.string().default('kotodama'),
  PINECONE_HOST: z.url().optional(),
  PINECONE_CONTROLLER_URL: z.url().optional(),
  AUTH0_DOMAIN: optional,
  AUTH0_CLIENT_ID: optional,
  AUTH0_CLIENT_SECRET: optional,
  /** Where Auth0's endpoints are, when not https://AUTH0_DOMAIN (a local OpenID Connect provider in tests). */
  AUTH0_BASE_URL: z.url().optional(),
  AUTH0_AUDIENCE: optional,
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  /** Where the Stripe API is, when not api.stripe.com (a local fake in tests). */
  STRIPE_API_URL: z.url().optional(),
  STRIPE_PRICE_PLUS: optional,
  STRIPE_PRICE_CREATOR: optional,
  /** Billing Meter event names for the creator plan's usage. */
  STRIPE_METER_AI_TURNS: z.string().default('kotodama_ai_turns'),
  STRIPE_METER_VOICE_SECONDS: z.string().default('kotodama_voice_seconds'),
  /** Days a paid plan stays after a failed payment. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  DEFAULT_TIER: z.enum(TIER_IDS).default('free'),
  /** JSON overrides of the plan table (server/tiers.ts), e.g. {"free":{"limits":{"characters":3}}}. */
  TIERS: optional,
  /** Origins other than PUBLIC_URL allowed to call the API from a browser (comma-separated). */
  CORS_ORIGINS: z.string().default(''),
  /** Requests per minute per IP and per user on the sign-in, upload and room-creation routes. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_UPLOADS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_ROOMS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** 32 bytes (64 hex characters or base64) that encrypt creators' own API keys (AES-256-GCM). */
  PROVIDER_KEY_SECRET: z
    .string()
    .regex(
      /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
      'PROVIDER_KEY_SECRET must be 32 bytes: 64 hex characters or base64',
    )
    .optional(),
  /** An AWS KMS key: creators' API keys are then sealed with a data key from it. */
  AWS_KMS_KEY_ID: optional,
  AWS_KMS_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
  /** Where uploaded avatars and utterance audio go without S3; servers and standalone workers must share it. */
  FILES_DIR: optional,
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: optional,
  S3_REGION: z.string().default('auto'),
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_PUBLIC_URL: z.url().optional(),
  /** Extra words or phrases (comma-separated) refused in chat and never spoken by the character. */
  MODERATION_BLOCKLIST: z.string().default(''),
  ADMINS: z.string().default(''),
  /** Largest avatar upload; the validator's own ceiling (30 MB) still applies. */
  AVATAR_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(30 * 1024 * 1024)
    .default(30 * 1024 * 1024),
  AGENT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  ROOM_MAX_CLIENTS: z.coerce.number().int().min(1).max(100_000).default(1000),
  ROOM_MAX_PARTICIPANTS: z.coerce.number().int().min(1).max(10_000).default(50),
  ROOM_QUEUE_PER_USER: z.coerce.number().int().min(1).max(10_000).default(3),
  ROOM_SAY_BURST: z.coerce.number().int().min(1).max(10_000).default(3),
  ROOM_SAY_PER_SECOND: z.coerce.number().positive().max(10_000).default(0.5),
  EMBEDDED_WORKER: bool.default(true),
  /** `json` forces one JSON object per log line (log shippers) outside production too. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Scaled out: the host Colyseus registers for this process in Redis, which the proxy routes to. */
  SELF_HOSTNAME: optional,
  /** A standalone worker answers /healthz and /metrics on this port when it is set. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** `npm run cluster`: how many server processes and standalone workers. */
  CLUSTER_SERVERS: z.coerce.number().int().min(1).max(32).default(2),
  CLUSTER_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
  /** A turn whose worker stopped heart-beating this long is taken over by another worker. */
  TURN_VISIBILITY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** SIGTERM: the longest a server waits for its rooms' in-flight turns before moving their clients. */
  DRAIN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** OpenTelemetry: traces go to this OTLP/HTTP collector (e.g. http://127.0.0.1:4318) when set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default('kotodama'),
});

type Env = z.infer<typeof EnvSchema>;

/** Groups of variables that only make sense together: all present, or none. */
const TOGETHER: Record<string, (keyof Env)[]> = {
  Auth0: ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'],
  Stripe: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  S3: ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'],
};

/** The server's validated, frozen settings. */
export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  publicUrl: string;
  publicAddress?: string;
  dataDir: string;
  logLevel: NonNullable<Env['LOG_LEVEL']>;
  /** JSON log lines (production, or LOG_FORMAT=json); pretty lines otherwise. */
  logJson: boolean;
  /** Undefined in development: the server then keeps a generated secret under DATA_DIR. */
  jwtSecret?: string;
  tokens: { accessTtlSeconds: number; refreshTtlSeconds: number; linkTtlSeconds: number };
  /** `dir` null: the embedded database lives in memory only. */
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string | null };
  redis: { url: string } | null;
  llm:
    | { kind: 'openai'; apiKey: string; model: string }
    | { kind: 'openai-compatible'; baseUrl: string; model: string; apiKey?: string }
    | { kind: 'offline' };
  voice:
    | { kind: 'koeiromap'; apiKey: string; url?: string }
    | { kind: 'openai'; apiKey: string }
    | { kind: 'espeak' }
    | { kind: 'none' };
  knowledge:
    | { kind: 'pinecone'; apiKey: string; index: string; host?: string; controllerUrl?: string }
    | { kind: 'local' };
  login:
    | {
        kind: 'auth0';
        domain: string;
        clientId: string;
        clientSecret: string;
        /** https://AUTH0_DOMAIN, or AUTH0_BASE_URL. */
        baseUrl: string;
        audience?: string;
      }
    | { kind: 'guest' };
  billing:
    | {
        kind: 'stripe';
        secretKey: string;
        webhookSecret: string;
        defaultTier: TierId;
        apiUrl?: string;
        /** Stripe price id of each paid plan. */
        prices: Partial<Record<TierId, string>>;
        meters: { aiTurns: string; voiceSeconds: string };
        graceDays: number;
      }
    | { kind: 'off'; defaultTier: TierId };
  /** The plan table with the operator's overrides. */
  plans: Record<TierId, Plan>;
  /** Browser origins allowed to call the API (PUBLIC_URL's first). */
  corsOrigins: string[];
  /** Requests per minute per IP and per user. */
  rateLimits: { auth: number; uploads: number; rooms: number };
  /** How creators' own API keys are sealed; `local` without a secret generates one under DATA_DIR (development). */
  providerKeys:
    { kind: 'kms'; keyId: string; endpoint?: string; region: string } | { kind: 'local'; secret?: string };
  files:
    | {
        kind: 's3';
        endpoint: string;
        bucket: string;
        region: string;
        accessKeyId: string;
        secretAccessKey: string;
        publicUrl?: string;
      }
    | { kind: 'disk'; dir: string };
  /** `blocklist`: the operator's own words, checked on top of the built-in rules. */
  moderation: ({ kind: 'openai'; apiKey: string } | { kind: 'local' }) & { blocklist: string[] };
  /** User ids or e-mail addresses allowed to approve catalogue avatars. */
  admins: string[];
  /** Avatar uploads: the size cap a request body is cut off at. */
  avatars: { maxBytes: number };
  agent: { concurrency: number; embedded: boolean };
  /** Scaling out: cluster size, turn takeover and drain timing. */
  cluster: {
    servers: number;
    workers: number;
    selfHostname?: string;
    /** Standalone workers: where /healthz and /metrics answer (none when undefined). */
    healthPort?: number;
    turnVisibilityTimeoutMs: number;
    drainTimeoutSeconds: number;
  };
  /** OpenTelemetry traces: `null` when no OTLP endpoint is configured. */
  tracing: { endpoint: string; serviceName: string } | null;
  /** Room limits an operator may tune. */
  rooms: {
    maxClients: number;
    maxParticipants: number;
    queuePerUser: number;
    sayBurst: number;
    sayPerSecond: number;
  };
}

/** A configuration problem that must stop the boot; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates `env` (normally process.env) and returns the frozen configuration; throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(blanksRemoved(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  checkTogether(e);
  if (e.NODE_ENV === 'production') checkProductionSecrets(e);
  try {
    return deepFreeze({ ...toConfig(e), ...accountsOf(e) });
  } catch (err) {
    if (err instanceof AccountsConfigError) throw new ConfigError(err.message);
    throw err;
  }
}

/** The named variables of this process's environment, for a parent that starts other processes (`npm run cluster`). */
export function passedEnvironment(
  names: readonly string[],
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (env[name] !== undefined) out[name] = env[name]!;
  return out;
}

function blanksRemoved(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}

function checkTogether(e: Env): void {
  for (const [service, keys] of Object.entries(TOGETHER)) {
    const present = keys.filter((k) => e[k] !== undefined);
    if (present.length > 0 && present.length < keys.length) {
      const missing = keys.filter((k) => e[k] === undefined);
      throw new ConfigError(
        `${service} is partly configured: set ${missing.join(', ')} too, or unset ${present.join(', ')}.`,
      );
    }
  }
}

function checkProductionSecrets(e: Env): void {
  if (!e.JWT_SECRET) {
    throw new ConfigError(
      'JWT_SECRET is required in production (NODE_ENV=production): set it to a random string of at least 32 characters, e.g. `openssl rand -hex 32`.',
    );
  }
  if (!e.PUBLIC_URL) {
    throw new ConfigError(
      'PUBLIC_URL is required in production: set it to the origin users open, e.g. https://kotodama.example.com, so room links point there.',
    );
  }
}

function toConfig(e: Env): Omit<Config, keyof ReturnType<typeof accountsOf>> {
  return {
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    publicAddress: e.PUBLIC_ADDRESS,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    logJson: e.LOG_FORMAT ? e.LOG_FORMAT === 'json' : e.NODE_ENV === 'production',
    jwtSecret: e.JWT_SECRET,
    tokens: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      linkTtlSeconds: e.LINK_TOKEN_TTL_SECONDS,
    },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dir: e.EMBEDDED_DATABASE === 'memory' ? null : `${e.DATA_DIR}/db` },
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : null,
    llm: llmOf(e),
    voice: voiceOf(e),
    knowledge: e.PINECONE_API_KEY
      ? {
          kind: 'pinecone',
          apiKey: e.PINECONE_API_KEY,
          index: e.PINECONE_INDEX,
          host: e.PINECONE_HOST,
          controllerUrl: e.PINECONE_CONTROLLER_URL,
        }
      : { kind: 'local' },
    files: filesOf(e),
    moderation: {
      ...(e.OPENAI_API_KEY
        ? ({ kind: 'openai', apiKey: e.OPENAI_API_KEY } as const)
        : ({ kind: 'local' } as const)),
      blocklist: listOf(e.MODERATION_BLOCKLIST),
    },
    admins: listOf(e.ADMINS),
    avatars: { maxBytes: e.AVATAR_MAX_BYTES },
    agent: { concurrency: e.AGENT_CONCURRENCY, embedded: e.EMBEDDED_WORKER },
    cluster: {
      servers: e.CLUSTER_SERVERS,
      workers: e.CLUSTER_WORKERS,
      selfHostname: e.SELF_HOSTNAME,
      healthPort: e.HEALTH_PORT,
      turnVisibilityTimeoutMs: e.TURN_VISIBILITY_TIMEOUT_MS,
      drainTimeoutSeconds: e.DRAIN_TIMEOUT_SECONDS,
    },
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, ''), serviceName: e.OTEL_SERVICE_NAME }
      : null,
    rooms: {
      maxClients: e.ROOM_MAX_CLIENTS,
      maxParticipants: e.ROOM_MAX_PARTICIPANTS,
      queuePerUser: e.ROOM_QUEUE_PER_USER,
      sayBurst: e.ROOM_SAY_BURST,
      sayPerSecond: e.ROOM_SAY_PER_SECOND,
    },
  };
}

function llmOf(e: Env): Config['llm'] {
  if (e.LLM_BASE_URL)
    return {
      kind: 'openai-compatible',
      baseUrl: e.LLM_BASE_URL,
      model: e.LLM_MODEL ?? e.OPENAI_MODEL,
      apiKey: e.LLM_API_KEY,
    };
  if (e.OPENAI_API_KEY)
    return { kind: 'openai', apiKey: e.OPENAI_API_KEY, model: e.LLM_MODEL ?? e.OPENAI_MODEL };
  return { kind: 'offline' };
}

function voiceOf(e: Env): Config['voice'] {
  const wanted = e.TTS_PROVIDER ?? (e.KOEIROMAP_API_KEY ? 'koeiromap' : 'espeak');
  if (wanted === 'koeiromap') {
    if (!e.KOEIROMAP_API_KEY) throw new ConfigError('TTS_PROVIDER=koeiromap needs KOEIROMAP_API_KEY.');
    return { kind: 'koeiromap', apiKey: e.KOEIROMAP_API_KEY, url: e.KOEIROMAP_URL };
  }
  if (wanted === 'openai') {
    if (!e.OPENAI_API_KEY) throw new ConfigError('TTS_PROVIDER=openai needs OPENAI_API_KEY.');
    return { kind: 'openai', apiKey: e.OPENAI_API_KEY };
  }
  return { kind: wanted };
}

/** A comma-separated list, trimmed, without empty entries. */
function listOf(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function filesOf(e: Env): Config['files'] {
  if (e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY) {
    return {
      kind: 's3',
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      publicUrl: e.S3_PUBLIC_URL,
    };
  }
  return { kind: 'disk', dir: e.FILES_DIR ?? `${e.DATA_DIR}/files` };
}

/** One line per concern for the boot log: which real service or embedded default is in use. */
export function describeServices(c: Config): string[] {
  const db =
    c.database.kind === 'postgres'
      ? `PostgreSQL (${redactUrl(c.database.url)})`
      : `embedded PGlite ${c.database.dir ? `in ${c.database.dir}` : 'in memory (nothing is kept)'}`;
  const llm =
    c.llm.kind === 'openai'
      ? `OpenAI (${c.llm.model})`
      : c.llm.kind === 'openai-compatible'
        ? `OpenAI-compatible at ${c.llm.baseUrl} (${c.llm.model})`
        : 'offline persona engine (set OPENAI_API_KEY or LLM_BASE_URL for a real LLM)';
  return [
    `database: ${db}`,
    `presence/matchmaking/queue: ${c.redis ? `Redis (${redactUrl(c.redis.url)})` : 'in-process (set REDIS_URL to scale out)'}`,
    `llm: ${llm}`,
    `voice: ${c.voice.kind === 'espeak' ? 'offline eSpeak NG' : c.voice.kind === 'none' ? 'off (text only)' : c.voice.kind}`,
    // Knowledge retrieval, Auth0 and Stripe are configured here but not wired yet: say so rather than claim them.
    `knowledge base: none yet (replies use the persona only${c.knowledge.kind === 'pinecone' ? '; PINECONE_* is read but not used yet' : ''})`,
    `login: guest accounts${c.login.kind === 'auth0' ? ' (AUTH0_* is read but Auth0 sign-in is not wired yet)' : ''}`,
    `billing: off (everyone gets the ${c.billing.defaultTier} tier${c.billing.kind === 'stripe' ? '; STRIPE_* is read but not wired yet' : ''})`,
    `files: ${c.files.kind === 's3' ? `S3-compatible bucket ${c.files.bucket}` : `disk at ${c.files.dir}`}`,
    `moderation: ${c.moderation.kind === 'openai' ? 'OpenAI moderation endpoint on spoken output, local rules' : 'local rules'}${c.moderation.blocklist.length ? ` + ${c.moderation.blocklist.length} blocklisted phrases` : ''} (chat input and spoken output)`,
    `tracing: ${c.tracing ? `OpenTelemetry to ${c.tracing.endpoint} (OTLP/HTTP)` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT to export traces)'}`,
    `agent worker: ${c.agent.embedded ? `in this process (concurrency ${c.agent.concurrency})` : 'external (npm run worker)'}`,
  ];
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1:***@');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
