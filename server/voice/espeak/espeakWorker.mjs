// eSpeak NG (WebAssembly) in a worker thread, so that its start-up and its
// synthesis never block the server's event loop. Plain JavaScript on purpose: workers are
// started by path and must load under node, tsx and vitest alike.
//
// The package is GPL-3.0-or-later and optional: it is imported on demand, here only.
// Protocol (parent → worker): { id, args: string[], input: string, wav: boolean } or { id, warm: true }
//                 (worker → parent): { id, ok: true, wav?: Uint8Array, lines: string[] }
//                                  | { id, ok: false, code, message }
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';

const encoder = new TextEncoder();
let enginePromise;

const packageName = workerData?.packageName ?? 'espeak-ng';

async function loadEngine() {
  let factory;
  let entry;
  try {
    entry = import.meta.resolve(packageName);
    factory = (await import(entry)).default;
  } catch (error) {
    throw Object.assign(
      new Error(
        `The offline voice needs the optional npm package "${packageName}" (eSpeak NG, GPL-3.0-or-later), which is not installed: ` +
          `run "npm install espeak-ng@1.0.2", or configure a cloud voice (Koeiromap or OpenAI). (${error.message})`,
      ),
      { code: 'dependency_missing' },
    );
  }
  // The parent usually hands over the compiled module; otherwise compile the 18 MB file here.
  const wasm =
    workerData?.wasm ?? (await WebAssembly.compile(await readFile(new URL('espeak-ng.wasm', entry))));
  return { factory, wasm };
}

// One instance per worker. eSpeak's CLI main() keeps global state (getopt, voices, buffers), so
// a second run on a used instance misbehaves; instantiating afresh costs ~0.15 s. Instead the
// instance's whole linear memory is copied once, right after start-up, and put back before
// every run (~5 ms for 32 MB): each run starts from exactly the state of a fresh instance.
async function newInstance(engine) {
  const output = { lines: [] };
  let exports;
  let failed;
  const module = await new Promise((resolve, reject) => {
    engine
      .factory({
        noInitialRun: true,
        print: (line) => output.lines.push(line),
        printErr: () => {},
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(engine.wasm, imports)
            .then((instance) => {
              exports = instance.exports;
              receive(instance, engine.wasm);
            })
            .catch((error) => {
              failed = error;
              reject(error);
            });
          return {};
        },
      })
      .then(resolve, reject);
  });
  if (failed) throw failed;
  return { module, exports, output, snapshot: module.HEAPU8.slice(), stack: exports.stackSave() };
}

/** Put the instance back in its just-started state. */
function reset(instance) {
  if (instance.module.HEAPU8.length !== instance.snapshot.length) return false; // memory grew: rebuild
  instance.module.HEAPU8.set(instance.snapshot);
  instance.exports.stackRestore(instance.stack);
  instance.output.lines.length = 0;
  return true;
}

/** Close files a run left open, so file descriptors do not pile up across runs. */
function closeLeftovers(instance) {
  const { FS } = instance.module;
  for (const stream of FS.streams) if (stream && stream.fd > 2) FS.close(stream);
  for (const path of ['/input.txt', '/output.wav']) {
    try {
      FS.unlink(path);
    } catch {
      /* not there */
    }
  }
}

function runMain(instance, args) {
  const { module, exports } = instance;
  const argv = ['espeak-ng', ...args];
  const pointers = argv.map((arg) => {
    const bytes = encoder.encode(`${arg}\0`);
    const pointer = exports.malloc(bytes.length);
    module.HEAPU8.set(bytes, pointer);
    return pointer;
  });
  const argvPointer = exports.malloc(4 * (pointers.length + 1));
  pointers.forEach((pointer, i) => {
    module.HEAPU32[(argvPointer >> 2) + i] = pointer;
  });
  module.HEAPU32[(argvPointer >> 2) + pointers.length] = 0;
  try {
    return exports.__main_argc_argv(pointers.length, argvPointer);
  } catch (error) {
    if (error && error.name === 'ExitStatus') return error.status;
    throw error;
  }
}

let current;

async function handle(request) {
  enginePromise ??= loadEngine();
  const engine = await enginePromise;
  current ??= await newInstance(engine);
  if (request.warm) return { lines: [] };
  if (!reset(current)) current = await newInstance(engine);
  const instance = current;
  try {
    instance.module.FS.writeFile('/input.txt', request.input);
    const args = [...request.args, '-f', '/input.txt'];
    if (request.wav) args.push('-w', '/output.wav');
    const status = runMain(instance, args);
    instance.exports.fflush(0);
    if (status !== 0)
      throw Object.assign(
        new Error(`espeak-ng exited with status ${status} for arguments ${JSON.stringify(request.args)}`),
        { code: 'bad_request' },
      );
    const wav = request.wav ? instance.module.FS.readFile('/output.wav') : undefined;
    return { wav, lines: [...instance.output.lines] };
  } catch (error) {
    current = undefined; // a run that failed may have left the instance in any state
    throw error;
  } finally {
    if (current) closeLeftovers(current);
  }
}

// One request at a time: main() is synchronous anyway.
let queue = Promise.resolve();
parentPort.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      const { wav, lines } = await handle(request);
      parentPort.postMessage({ id: request.id, ok: true, wav, lines }, wav ? [wav.buffer] : []);
    } catch (error) {
      parentPort.postMessage({
        id: request.id,
        ok: false,
        code: error.code ?? 'provider_error',
        message: String(error.message ?? error),
      });
    }
  });
});
