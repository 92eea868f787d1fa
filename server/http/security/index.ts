/** API security: rate limits, CORS allow-list, security headers. */
export { rateLimit, type RateLimitOptions } from './rateLimit';
export {
  MemoryRateLimitStore,
  RedisRateLimitStore,
  type RateLimitStore,
  type RateWindow,
} from './RateLimitStore';
export { corsAllowList, securityHeaders } from './securityHeaders';
