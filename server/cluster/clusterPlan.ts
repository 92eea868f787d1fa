/**
 * The scaled-out topology as data: N server processes, M standalone agent workers and one proxy,
 * with the variables each is started with. `npm run cluster` starts exactly this on one machine;
 * docker/compose.yaml describes the same services and variables (a test keeps the two in step).
 */

/** One process of the cluster. */
export interface ClusterProcess {
  /** Also the compose service name: `proxy`, `server-1`…, `worker-1`…. */
  name: string;
  role: 'proxy' | 'server' | 'worker';
  entry: 'server/proxy.ts' | 'server/main.ts' | 'server/worker.ts';
  port: number;
  /** Variables set for this process, on top of the operator's environment. */
  env: Record<string, string>;
}

/** What the plan is built from. */
export interface ClusterOptions {
  servers: number;
  workers: number;
  /** The proxy's port; servers and workers take the ports after it. */
  port: number;
  /** The host the processes are reached at (`127.0.0.1` on one machine). */
  host: string;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  /** Room links point here (default: the proxy). */
  publicUrl?: string;
  /** Parent folder of each process's DATA_DIR; FILES_DIR (audio, avatars) is shared under it. */
  dataDir: string;
}

/** Passed from the operator's environment to every process unchanged (LLM, voice, storage…). */
export const PASSED_THROUGH = [
  'NODE_ENV',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'OPENAI_API_KEY',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_API_KEY',
  'TTS_PROVIDER',
  'KOEIROMAP_API_KEY',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
] as const;

/** The processes of a cluster, proxy first. */
export function clusterPlan(o: ClusterOptions): ClusterProcess[] {
  const publicUrl = o.publicUrl ?? `http://localhost:${o.port}`;
  // Every process validates the same settings (production wants JWT_SECRET and PUBLIC_URL everywhere).
  const everyone = { REDIS_URL: o.redisUrl, JWT_SECRET: o.jwtSecret, PUBLIC_URL: publicUrl };
  const common = { ...everyone, DATABASE_URL: o.databaseUrl, FILES_DIR: `${o.dataDir}/files` };
  const processes: ClusterProcess[] = [
    {
      name: 'proxy',
      role: 'proxy',
      entry: 'server/proxy.ts',
      port: o.port,
      env: { ...everyone, PORT: String(o.port) },
    },
  ];
  for (let i = 1; i <= o.servers; i++) {
    const port = o.port + i;
    processes.push({
      name: `server-${i}`,
      role: 'server',
      entry: 'server/main.ts',
      port,
      env: {
        ...common,
        PORT: String(port),
        // Colyseus registers `<processId>/<SELF_HOSTNAME>:<port>` in Redis: the proxy routes by it.
        SELF_HOSTNAME: o.host,
        EMBEDDED_WORKER: 'false',
        DATA_DIR: `${o.dataDir}/server-${i}`,
      },
    });
  }
  for (let i = 1; i <= o.workers; i++) {
    const port = o.port + o.servers + i;
    processes.push({
      name: `worker-${i}`,
      role: 'worker',
      entry: 'server/worker.ts',
      port,
      env: { ...common, HEALTH_PORT: String(port), DATA_DIR: `${o.dataDir}/worker-${i}` },
    });
  }
  return processes;
}
