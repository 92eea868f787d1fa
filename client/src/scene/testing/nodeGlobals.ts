/** babylon-vrm-loader's UMD wrapper reads `self`; Node has none. Import this first in Node tests. */
(globalThis as { self?: unknown }).self ??= globalThis;
export {};
