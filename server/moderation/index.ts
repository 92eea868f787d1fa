/** Moderation of what people send and of what the character is about to say. */
export { NOT_FLAGGED, type ModerationVerdict, type Moderator } from './Moderator';
export { LocalModerator, screenLocally } from './localRules';
export { OpenAiModerator, type OpenAiModeratorOptions } from './OpenAiModerator';
export { moderatorFromConfig } from './moderatorFromConfig';
