/** The HTTP API: one file per resource. */
export { createHttpApp, type HttpAppDeps } from './httpApp';
export { HttpError } from './HttpError';
export { healthRoutes, type HealthCheck } from './healthRoutes';
export { currentUser, optionalUser, requireUser } from './requireUser';
export { roomRoutes } from './roomRoutes';
export { characterRoutes } from './characterRoutes';
export { avatarRoutes } from './avatarRoutes';
export { readUpload, type ReadUploadOptions, type Upload } from './readUpload';
