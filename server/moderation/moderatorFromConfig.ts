import type { Config } from '../config';
import type { Logger } from '../observability';
import { LocalModerator } from './localRules';
import type { Moderator } from './Moderator';
import { OpenAiModerator } from './OpenAiModerator';

/** The moderator the configuration asks for: OpenAI's endpoint with a key, local rules otherwise. */
export function moderatorFromConfig(
  config: Readonly<Pick<Config, 'moderation'>>,
  log: Pick<Logger, 'warn'>,
): Moderator {
  const m = config.moderation;
  if (m.kind === 'local') return new LocalModerator(m.blocklist);
  let warned = 0;
  return new OpenAiModerator({
    apiKey: m.apiKey,
    blocklist: m.blocklist,
    onFallback: (err) => {
      // Once a minute at most: an outage should not flood the log.
      if (Date.now() - warned < 60_000) return;
      warned = Date.now();
      log.warn(
        { err: String(err) },
        'The OpenAI moderation endpoint failed; screening with local rules until it answers again.',
      );
    },
  });
}
