/** The agent worker: turns from the queue → agent pipeline → events on the room's channel. */
export { AgentWorker, type AgentWorkerDeps } from './AgentWorker';
export { speakWithVoice, voiceFromConfig } from './speakWithVoice';
export { startAgentWorker, type AgentWorkerParts, type AgentWorkerRuntime } from './startAgentWorker';
export { serveWorkerHealth } from './workerHealth';
