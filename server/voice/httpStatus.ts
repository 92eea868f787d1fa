/** Maps an HTTP error status from a voice provider to a VoiceError that says what to do. */
import { VoiceError } from './voiceError';

/** `settingName` is the configuration that holds the key (named in the message). */
export function voiceErrorForStatus(
  provider: string,
  status: number,
  body: string,
  retryAfter: string | null,
  settingName: string,
): VoiceError {
  const detail = body.slice(0, 200).replace(/\s+/g, ' ').trim();
  const suffix = detail ? ` (${provider} said: ${detail})` : '';
  if (status === 401 || status === 403) {
    return new VoiceError(
      'unauthorized',
      `${provider} rejected the API key (HTTP ${status}); check ${settingName}.${suffix}`,
      provider,
    );
  }
  if (status === 429) {
    const seconds = Number(retryAfter);
    const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
    return new VoiceError(
      'rate_limited',
      `${provider} is rate-limiting us (HTTP 429); slow down or raise the plan's quota.${suffix}`,
      provider,
      { retryAfterMs },
    );
  }
  if (status >= 500)
    return new VoiceError(
      'provider_error',
      `${provider} failed on its side (HTTP ${status}); retrying later usually helps.${suffix}`,
      provider,
    );
  return new VoiceError(
    'bad_request',
    `${provider} refused the request (HTTP ${status}); check the text and voice settings.${suffix}`,
    provider,
  );
}
