import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAvatar, VARIANTS } from './index';

/** Writes every variant to assets/avatars/<id>.vrm and prints sizes. */
async function main(): Promise<void> {
  const outDir = fileURLToPath(new URL('../avatars/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const variant of VARIANTS) {
    const started = performance.now();
    const bytes = await buildAvatar(variant);
    writeFileSync(`${outDir}${variant.id}.vrm`, bytes);
    console.log(
      `${variant.id}.vrm  ${(bytes.length / 1024).toFixed(1)} KiB  ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
}

await main();
