import { describe, expect, it } from 'vitest';
import { ConfigError, describeServices, loadConfig } from './config';

describe('loadConfig', () => {
  it('boots on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(2567);
    expect(c.publicUrl).toBe('http://localhost:2567');
    expect(c.database).toEqual({ kind: 'pglite', dir: '.data/db' });
    expect(c.redis).toBeNull();
    expect(c.llm.kind).toBe('offline');
    expect(c.voice.kind).toBe('espeak');
    expect(c.knowledge.kind).toBe('local');
    expect(c.login.kind).toBe('guest');
    expect(c.billing).toEqual({ kind: 'off', defaultTier: 'free' });
    expect(c.files).toEqual({ kind: 'disk', dir: '.data/files' });
    expect(c.moderation.kind).toBe('local');
  });

  it('is frozen all the way down', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.tokens)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow();
  });

  it('switches each real service on by its variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      OPENAI_API_KEY: 'sk-test',
      PINECONE_API_KEY: 'pc',
      AUTH0_DOMAIN: 'x.auth0.com',
      AUTH0_CLIENT_ID: 'id',
      AUTH0_CLIENT_SECRET: 'secret',
      STRIPE_SECRET_KEY: 'sk_test',
      STRIPE_WEBHOOK_SECRET: 'whsec',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'b',
      S3_ACCESS_KEY_ID: 'a',
      S3_SECRET_ACCESS_KEY: 's',
      KOEIROMAP_API_KEY: 'k',
    });
    expect(c.database.kind).toBe('postgres');
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379' });
    expect(c.llm).toEqual({ kind: 'openai', apiKey: 'sk-test', model: 'gpt-4o-mini' });
    expect(c.voice.kind).toBe('koeiromap');
    expect(c.knowledge.kind).toBe('pinecone');
    expect(c.login.kind).toBe('auth0');
    expect(c.billing.kind).toBe('stripe');
    expect(c.files.kind).toBe('s3');
    expect(c.moderation.kind).toBe('openai');
  });

  it('reads the moderation blocklist as trimmed comma-separated phrases', () => {
    expect(
      loadConfig({ MODERATION_BLOCKLIST: ' spoiler , ネタバレ,, secret sauce ' }).moderation.blocklist,
    ).toEqual(['spoiler', 'ネタバレ', 'secret sauce']);
    expect(loadConfig({}).moderation).toEqual({ kind: 'local', blocklist: [] });
  });

  it('prefers an OpenAI-compatible server when LLM_BASE_URL is set', () => {
    const c = loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'llama3' });
    expect(c.llm).toEqual({
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3',
      apiKey: undefined,
    });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '  ' }).database.kind).toBe('pglite');
  });

  it('refuses to boot in production without JWT_SECRET, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://k.example' })).toThrow(
      /JWT_SECRET/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://k.example' })).toThrow(
      ConfigError,
    );
  });

  it('refuses to boot in production without PUBLIC_URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/PUBLIC_URL/);
  });

  it('boots in production when the secrets are present', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://k.example/',
    });
    expect(c.production).toBe(true);
    expect(c.publicUrl).toBe('https://k.example');
  });

  it('names the variable that is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('refuses a half-configured service and says what is missing', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ AUTH0_DOMAIN: 'd' })).toThrow(/AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET/);
  });

  it('reads the admin list', () => {
    expect(loadConfig({ ADMINS: 'u1, a@b.c ,' }).admins).toEqual(['u1', 'a@b.c']);
  });
});

describe('describeServices', () => {
  it('prints one line per concern and hides passwords', () => {
    const lines = describeServices(loadConfig({ DATABASE_URL: 'postgres://u:hunter2@db:5432/k' }));
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('database: PostgreSQL (postgres://u:***@db:5432/k)');
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.find((l) => l.startsWith('llm:'))).toContain('offline persona engine');
  });

  it('does not claim services that are configured but not wired yet', () => {
    const lines = describeServices(
      loadConfig({
        PINECONE_API_KEY: 'pc',
        AUTH0_DOMAIN: 'k.eu.auth0.com',
        AUTH0_CLIENT_ID: 'id',
        AUTH0_CLIENT_SECRET: 'secret',
        STRIPE_SECRET_KEY: 'sk',
        STRIPE_WEBHOOK_SECRET: 'wh',
      }),
    );
    expect(lines.find((l) => l.startsWith('knowledge base:'))).toMatch(/none yet.*not used yet/);
    expect(lines.find((l) => l.startsWith('login:'))).toMatch(/^login: guest accounts .*not wired yet/);
    expect(lines.find((l) => l.startsWith('billing:'))).toMatch(/^billing: off .*not wired yet/);
  });
});
