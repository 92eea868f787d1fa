// The viseme analysis (lipsync/computeVisemeTrack, TypeScript) in a worker thread, so that its
// 15–30 ms of CPU per sentence never holds up the rooms' event loop. Plain JavaScript on purpose:
// workers are started by path and must load under node, tsx and vitest alike, and on Node 20 none
// of them hands its TypeScript loader to a worker thread, so this entry registers tsx (a runtime
// dependency) itself, with the project's tsconfig for the @shared alias.
// Protocol (worker → parent, once): { ready: true } | { ready: false, message }
//           (parent → worker):       { id, input }   (input: VisemeTrackInput)
//           (worker → parent):       { id, ok: true, visemes, threadId } | { id, ok: false, message }
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, threadId } from 'node:worker_threads';

let computeVisemeTrack;
try {
  const { register } = await import('tsx/esm/api');
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
  register({ tsconfig: existsSync(tsconfig) ? tsconfig : undefined });
  ({ computeVisemeTrack } = await import('../lipsync/computeVisemeTrack.ts'));
} catch (error) {
  parentPort.postMessage({ ready: false, message: String(error?.message ?? error) });
}

if (computeVisemeTrack) {
  parentPort.on('message', ({ id, input }) => {
    try {
      parentPort.postMessage({ id, ok: true, visemes: computeVisemeTrack(input), threadId });
    } catch (error) {
      parentPort.postMessage({ id, ok: false, message: String(error?.message ?? error) });
    }
  });
  parentPort.postMessage({ ready: true });
}
