import { createServer, type Server as HttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { LocalDriver, LocalPresence, matchMaker, Server, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { AuthService, resolveJwtSecret, TokenSigner } from './auth';
import { createBus, type Bus } from './bus';
import { describeServices, type Config } from './config';
import { ChatWriter, createRepositories, openDatabase, type Database, type Repositories } from './db';
import { avatarRoutes, characterRoutes, createHttpApp, roomRoutes, type HealthCheck } from './http';
import { createCharacterServices, type CharacterServices } from './characters';
import { colyseusLogger, createLogger, createMetrics, type Logger, type Metrics } from './observability';
import {
  CharacterCatalog,
  DEFAULT_ROOM_SETTINGS,
  defineCharacterRoom,
  drainRooms,
  RoomService,
  type RoomDeps,
  type RoomSettings,
} from './rooms';
import { createStorage, DiskStorage, type FileStorage } from './media/storage';
import { startAgentWorker, type AgentWorkerRuntime } from './workers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AVATARS_DIR = `${ROOT}assets/avatars`;

/** Largest WebSocket frame a client may send; bigger frames close the connection. */
export const MAX_FRAME_BYTES = 4 * 1024;

/** The shared services of one server process. */
export interface Services {
  config: Readonly<Config>;
  log: Logger;
  metrics: Metrics;
  db: Database;
  repos: Repositories;
  signer: TokenSigner;
  auth: AuthService;
  redis: Redis | null;
  bus: Bus;
  chat: ChatWriter;
  characters: CharacterCatalog;
  /** Character CRUD, avatar uploads and the approved catalogue behind /api/characters and /api/avatars. */
  catalogue: CharacterServices;
  roomDeps: RoomDeps;
  rooms: RoomService;
  /** The in-process agent worker and its voice (absent when standalone workers take the turns). */
  worker: AgentWorkerRuntime | null;
  storage: FileStorage;
  /** Stops periodic jobs (audio retention). */
  stopJobs(): void;
}

/** A running server: its address, its parts, and a clean way to stop it. */
export interface RunningServer {
  port: number;
  url: string;
  services: Services;
  gameServer: Server;
  httpServer: HttpServer;
  stop(): Promise<void>;
}

/** Options for tests and embedding. */
export interface StartOptions {
  /** A logger to use instead of the configured one. */
  log?: Logger;
  /** Room tuning overrides (tests use short timeouts). */
  roomSettings?: Partial<RoomSettings>;
}

/** Boots one process: database, HTTP API and Colyseus on one port. */
export async function startServer(
  config: Readonly<Config>,
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger({ level: config.logLevel, pretty: !config.logJson });
  for (const line of describeServices(config)) log.info(line);
  const services = await createServices(config, log, options);
  const app = createHttpApp({
    log,
    metrics: services.metrics,
    auth: services.auth,
    healthChecks: healthChecks(services),
    clientDir: `${ROOT}dist/client`,
    avatarsDir: AVATARS_DIR,
    mediaDir: services.storage instanceof DiskStorage ? services.storage.root : undefined,
    mediaStorage: services.storage,
    apiRoutes: {
      rooms: roomRoutes(services.rooms, services.signer),
      characters: characterRoutes(services.catalogue, services.signer),
      avatars: avatarRoutes(services.catalogue, services.signer),
    },
  });
  const httpServer = createServer(app);
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
    presence: presenceFor(config),
    driver: config.redis ? new RedisDriver(config.redis.url) : new LocalDriver(),
    publicAddress: config.publicAddress,
    gracefullyShutdown: false,
    greet: false,
    logger: colyseusLogger(log),
  });
  defineCharacterRoom(gameServer, services.roomDeps);
  services.bus.onReset(() => void registerAgain(gameServer, log));
  await gameServer.listen(config.port, config.host);
  const port = (httpServer.address() as { port: number }).port;
  log.info(`Kotodama is listening on http://localhost:${port}`);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    services,
    gameServer,
    httpServer,
    stop: once(() => stopServer(gameServer, services)),
  };
}

async function createServices(
  config: Readonly<Config>,
  log: Logger,
  options: StartOptions,
): Promise<Services> {
  const metrics = createMetrics(() => matchMaker.stats.local.roomCount);
  const db = await openDatabase(config.database);
  const repos = createRepositories(db);
  const signer = new TokenSigner(await resolveJwtSecret(config.jwtSecret, config.dataDir));
  const auth = new AuthService(repos.users, repos.refreshTokens, signer, {
    accessTtlSeconds: config.tokens.accessTtlSeconds,
    refreshTtlSeconds: config.tokens.refreshTtlSeconds,
  });
  const redis = config.redis
    ? new Redis(config.redis.url, { maxRetriesPerRequest: 2, lazyConnect: false })
    : null;
  redis?.on('error', (err) =>
    log.warn({ err: err.message }, 'Redis connection problem; retrying. Check that REDIS_URL is reachable.'),
  );
  const bus = createBus({
    redisUrl: config.redis?.url ?? null,
    log,
    visibilityTimeoutMs: config.cluster.turnVisibilityTimeoutMs,
  });
  const chat = new ChatWriter(repos.conversations, log, {
    spillFile: join(config.dataDir, 'pending-chat.jsonl'),
  });
  await chat.recoverSpill();
  const storage = createStorage(config.files);
  const catalogue = await createCharacterServices({
    repos,
    storage,
    log,
    admins: config.admins,
    maxUploadBytes: config.avatars.maxBytes,
    builtinDir: AVATARS_DIR,
  });
  const characters = new CharacterCatalog(repos.characters, (id) => catalogue.avatars.urlOf(id));
  await characters.default();
  const roomDeps: RoomDeps = {
    log,
    signer,
    repos,
    chat,
    bus,
    metrics,
    characters,
    settings: { ...roomSettingsOf(config), ...options.roomSettings },
    publicUrl: config.publicUrl,
    linkTtlSeconds: config.tokens.linkTtlSeconds,
    llmOffline: config.llm.kind === 'offline',
    now: Date.now,
  };
  const worker = config.agent.embedded
    ? await startAgentWorker(config, { log, bus, metrics, storage })
    : null;
  const stopJobs = scheduleAudioRetention(storage, log);
  return {
    config,
    log,
    metrics,
    db,
    repos,
    signer,
    auth,
    redis,
    bus,
    chat,
    characters,
    catalogue,
    roomDeps,
    rooms: new RoomService(roomDeps),
    worker,
    storage,
    stopJobs,
  };
}

function roomSettingsOf(config: Readonly<Config>): RoomSettings {
  const r = config.rooms;
  return {
    ...DEFAULT_ROOM_SETTINGS,
    maxClients: r.maxClients,
    maxParticipants: r.maxParticipants,
    sayBurst: r.sayBurst,
    sayPerSecond: r.sayPerSecond,
    queue: { ...DEFAULT_ROOM_SETTINGS.queue, perUserCap: r.queuePerUser },
    blocklist: config.moderation.blocklist,
  };
}

/** Utterance audio is only needed while a room plays it (and for late joiners): keep it a day. */
function scheduleAudioRetention(storage: FileStorage, log: Logger): () => void {
  const DAY = 24 * 3600 * 1000;
  const timer = setInterval(() => {
    storage
      .deleteOlderThan('audio', new Date(Date.now() - DAY))
      .then((n) => {
        if (n) log.info(`Removed ${n} utterance audio files older than a day.`);
      })
      .catch((err: unknown) => log.warn({ err }, 'Could not clean up old utterance audio.'));
  }, 3600 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

function presenceFor(config: Readonly<Config>): Presence {
  return config.redis ? new RedisPresence(config.redis.url) : new LocalPresence();
}

/** Redis came back empty: put this process back in the node registry (the proxy routes by it) and the room counts. */
async function registerAgain(gameServer: Server, log: Logger): Promise<void> {
  try {
    await (
      gameServer as unknown as { registerProcessForDiscovery(): Promise<void> }
    ).registerProcessForDiscovery();
    await matchMaker.stats.persist();
  } catch (err) {
    log.warn({ err }, 'Could not register this process again after a Redis reset.');
  }
}

function healthChecks(s: Services): HealthCheck[] {
  const checks: HealthCheck[] = [{ name: 'database', check: () => s.db.ping() }];
  const redis = s.redis;
  if (redis) checks.push({ name: 'redis', check: async () => (await redis.ping()) === 'PONG' });
  return checks;
}

async function stopServer(gameServer: Server, s: Services): Promise<void> {
  s.log.info('Shutting down: moving rooms, then closing the database.');
  await drainRooms(s.log, s.config.cluster.drainTimeoutSeconds * 1000).catch((err: unknown) =>
    s.log.error({ err }, 'Draining the rooms failed; closing them now.'),
  );
  await gameServer.gracefullyShutdown(false);
  await s.worker?.stop();
  s.stopJobs();
  await s.chat.close();
  await s.bus.close();
  await s.redis?.quit().catch(() => undefined);
  await s.db.close();
  s.storage.close?.();
  s.metrics.close();
  s.log.info('Stopped cleanly.');
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
