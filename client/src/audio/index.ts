/** Scheduled playback of the character's voice on the synced server clock. */
export { UtterancePlayer, type UtterancePlayerOptions } from './UtterancePlayer';
export { AudioCache, AUDIO_CACHE_SIZE } from './AudioCache';
export {
  planPlayback,
  anchorOf,
  MIN_REMAINDER_S,
  type PlaybackPlan,
  type ClockAnchor,
  type AnchorSource,
} from './schedule';
