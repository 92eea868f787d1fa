/**
 * Which real services the test run may use. Suites that need PostgreSQL or Redis skip with a
 * plain note when the variable is absent, except under CI=true, where a missing service fails.
 */
export const inCi = process.env.CI === 'true';
export const postgresUrl = process.env.DATABASE_URL;
export const redisUrl = process.env.REDIS_URL;

/** Returns true when the suite may run; false (after saying why) when it must be skipped. */
export function serviceAvailable(name: 'PostgreSQL' | 'Redis', url: string | undefined): boolean {
  if (url) return true;
  const variable = name === 'PostgreSQL' ? 'DATABASE_URL' : 'REDIS_URL';
  if (inCi) throw new Error(`${name} is required under CI=true: set ${variable} (.ci/run does this).`);
  console.warn(
    `[skipped] ${name} suites: ${variable} is not set. Run \`bash .ci/run\` or set ${variable} to include them.`,
  );
  return false;
}
