/** VRM avatar validation: the public face of server/media/vrm. */
export { validateVrm } from './validateVrm';
export {
  VrmValidationError,
  isVrmValidationError,
  VRM_ERROR_CODES,
  type VrmErrorCode,
  type VrmErrorDetails,
} from './errors';
export { DEFAULT_VRM_LIMITS, resolveVrmLimits, type VrmLimits } from './limits';
export { EXPRESSION_PRESETS, MOUTH_PRESETS, type ExpressionPreset } from './expressions';
export { HUMAN_BONE_NAMES, REQUIRED_HUMAN_BONES } from './humanoid';
export { type VrmLicence } from './licence';
export { type Vrm0Meta, type Vrm1Meta } from './vrmMeta';
export { type ImageMimeType } from './imageFormat';
export { type VrmValidationResult, type VrmVersion, type VrmCounts, type VrmThumbnail } from './types';
