/** The `?debug=1` handle (`window.kotodama`) and the performance marks the bench reads. */
export { installDebugHandle, debugEnabled, DEBUG_KEYS, type DebugValues } from './debugHandle';
export { MARKS, markOnce } from './marks';
