/** Bumped whenever a message or state shape changes incompatibly; the client sends it on join. */
export const PROTOCOL_VERSION = 1;
