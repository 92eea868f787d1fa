/** The HTTP API: one file per resource. */
export { createHttpApp, type HttpAppDeps } from './httpApp';
export { HttpError } from './HttpError';
export { type HealthCheck } from './healthRoutes';
export { currentUser, optionalUser, requireUser } from './requireUser';
export { roomRoutes } from './roomRoutes';
