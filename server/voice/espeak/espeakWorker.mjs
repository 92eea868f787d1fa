// eSpeak NG (WebAssembly) in a worker thread, so that its ~0.1 s instance start-up and its
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
let spare;

const packageName = workerData?.packageName ?? 'espeak-ng';

async function loadEngine() {
  let factory;
  let entry;
  try {
    entry = import.meta.resolve(packageName);
    factory = (await import(entry)).default;
  } catch (error) {
    throw Object.assign(new Error(
      `The offline voice needs the optional npm package "${packageName}" (eSpeak NG, GPL-3.0-or-later), which is not installed: ` +
      `run "npm install espeak-ng@1.0.2", or configure a cloud voice (Koeiromap or OpenAI). (${error.message})`,
    ), { code: 'dependency_missing' });
  }
  // Compile the 18 MB module once; every instance after that only instantiates it.
  const wasmUrl = new URL('espeak-ng.wasm', entry);
  const wasm = await WebAssembly.compile(await readFile(wasmUrl));
  return { factory, wasm };
}

// A fresh instance per call (the CLI's main keeps global state), prepared ahead of time.
async function newInstance(engine) {
  const output = { lines: [] };
  let exports;
  let failed;
  const module = await new Promise((resolve, reject) => {
    engine.factory({
      noInitialRun: true,
      print: (line) => output.lines.push(line),
      printErr: () => {},
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(engine.wasm, imports)
          .then((instance) => { exports = instance.exports; receive(instance, engine.wasm); })
          .catch((error) => { failed = error; reject(error); });
        return {};
      },
    }).then(resolve, reject);
  });
  if (failed) throw failed;
  return { module, exports, output };
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
  pointers.forEach((pointer, i) => { module.HEAPU32[(argvPointer >> 2) + i] = pointer; });
  module.HEAPU32[(argvPointer >> 2) + pointers.length] = 0;
  try {
    return exports.__main_argc_argv(pointers.length, argvPointer);
  } catch (error) {
    if (error && error.name === 'ExitStatus') return error.status;
    throw error;
  }
}

async function handle(request) {
  enginePromise ??= loadEngine();
  const engine = await enginePromise;
  if (request.warm) return { lines: [] };
  const instance = await (spare ?? newInstance(engine));
  spare = undefined;
  instance.module.FS.writeFile('/input.txt', request.input);
  const args = [...request.args, '-f', '/input.txt'];
  if (request.wav) args.push('-w', '/output.wav');
  const status = runMain(instance, args);
  if (status !== 0) throw Object.assign(new Error(`espeak-ng exited with status ${status} for arguments ${JSON.stringify(request.args)}`), { code: 'bad_request' });
  const wav = request.wav ? instance.module.FS.readFile('/output.wav') : undefined;
  return { wav, lines: instance.output.lines };
}

function prepareSpare() {
  if (spare || !enginePromise) return;
  spare = enginePromise.then(newInstance);
  spare.catch(() => { spare = undefined; });
}

// One request at a time: main() is synchronous anyway.
let queue = Promise.resolve();
parentPort.on('message', (request) => {
  queue = queue.then(async () => {
    try {
      const { wav, lines } = await handle(request);
      parentPort.postMessage({ id: request.id, ok: true, wav, lines }, wav ? [wav.buffer] : []);
    } catch (error) {
      parentPort.postMessage({ id: request.id, ok: false, code: error.code ?? 'provider_error', message: String(error.message ?? error) });
    }
    prepareSpare();
  });
});
