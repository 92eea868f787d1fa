/** The room page (the avatar stage is a separate, lazily loaded chunk: ./avatarStage). */
export { startRoomPage, type RoomPageHandle } from './RoomPage';
export { Performer, type StartedUtterance } from './Performer';
export { SpeechTimeline, LINGER_MS, type TimedLine } from './speechTimeline';
