/**
 * The default-avatar generator: builds stylized VRM 0.x characters from code (no textures),
 * deterministic, CC0. `npm run build:avatar` writes them to assets/avatars/.
 */
export { buildAvatar } from './avatar';
export { VARIANTS, type AvatarVariant, type Palette } from './variants';
export { FACE_TARGETS } from './face';
