/** The offline persona engine: in-character replies without any LLM. */
export {
  OfflinePersonaProvider,
  DEFAULT_OFFLINE_PACING,
  type OfflinePacing,
  type OfflinePersonaOptions,
} from './OfflinePersonaProvider';
export { extractPersona, type PersonaFacts } from './personaFacts';
