import type { VoiceProvider } from '@shared';

/**
 * The plan limits character and avatar changes must respect; each check throws (HTTP 403
 * `limit_reached`) when the owner's plan does not allow it. `NO_PLAN_CHECKS` allows everything.
 */
export interface PlanChecks {
  checkNewCharacter(userId: string): Promise<void>;
  checkVoice(userId: string, provider: VoiceProvider): Promise<void>;
  checkUpload(userId: string, bytes: number): Promise<void>;
}

export const NO_PLAN_CHECKS: PlanChecks = {
  checkNewCharacter: async () => undefined,
  checkVoice: async () => undefined,
  checkUpload: async () => undefined,
};
