/** DOM widgets: accessible controls around the canvas HUD (no pixi here, so the lobby stays light). */
export { h, append, replace, copyText } from './h';
export { Toasts } from './Toasts';
export { ProgressOverlay } from './ProgressOverlay';
export { Composer, TYPING_IDLE_MS, type ComposerActions } from './Composer';
export { SoundControl, type SoundTarget } from './SoundControl';
export { HostPanel, type HostActions } from './HostPanel';
export { QueuePanel, type QueueActions } from './QueuePanel';
export { ChatAnnouncer } from './ChatAnnouncer';
export { icon, type IconName } from './icons';
