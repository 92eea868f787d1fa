import type { LimitRefusal } from '@shared';
import type { Plans } from './limits';

/**
 * What the character says, in character, instead of answering once the host's daily allowance of
 * replies is used up: no LLM call is made for it. `language` is the character's (en or ja).
 */
export function allowanceNotice(plans: Plans, refusal: LimitRefusal, language: string): string {
  const next = refusal.upgradeTo ? plans[refusal.upgradeTo].name : null;
  if (language === 'ja')
    return next
      ? `ごめんなさい、今日はもうたくさんお話ししたので、少し休ませてください。また明日（UTC）お話ししましょう。ホストが${next}プランにすると、もっとお話しできます。`
      : 'ごめんなさい、今日はもうたくさんお話ししたので、少し休ませてください。また明日（UTC）お話ししましょう。';
  const rest = "I've talked so much today that I need to rest my voice. Let's pick this up tomorrow (UTC)";
  return next
    ? `I'm sorry, ${rest}, or the host can move up to ${next} so we can keep talking today.`
    : `I'm sorry, ${rest}.`;
}
