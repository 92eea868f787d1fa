import type { Plan, TierId } from '@shared';

const MB = 1024 * 1024;

/**
 * The plans: names, prices and limits in one table. Operators may change any of it with the
 * `TIERS` variable (JSON, e.g. `{"free":{"limits":{"aiTurnsPerDay":50}}}`), read in config.ts.
 */
export const DEFAULT_PLANS: Record<TierId, Plan> = {
  free: {
    id: 'free',
    name: 'Free',
    priceMonthly: 0,
    currency: 'usd',
    metered: false,
    limits: {
      roomSize: 25,
      spectatorsPerRoom: 100,
      roomsHosted: 2,
      characters: 5,
      avatarUploads: 5,
      avatarBytes: 100 * MB,
      knowledgeBytes: 2 * MB,
      aiTurnsPerDay: 200,
      voiceProviders: ['espeak'],
      ownProviderKeys: false,
    },
  },
  plus: {
    id: 'plus',
    name: 'Plus',
    priceMonthly: 800,
    currency: 'usd',
    metered: false,
    limits: {
      roomSize: 100,
      spectatorsPerRoom: 500,
      roomsHosted: 5,
      characters: 50,
      avatarUploads: 50,
      avatarBytes: 1024 * MB,
      knowledgeBytes: 50 * MB,
      aiTurnsPerDay: 2000,
      voiceProviders: ['espeak', 'koeiromap', 'openai'],
      ownProviderKeys: false,
    },
  },
  creator: {
    id: 'creator',
    name: 'Creator',
    priceMonthly: 2400,
    currency: 'usd',
    metered: true,
    limits: {
      roomSize: 1000,
      spectatorsPerRoom: 1000,
      roomsHosted: 20,
      characters: 500,
      avatarUploads: 500,
      avatarBytes: 10 * 1024 * MB,
      knowledgeBytes: 500 * MB,
      aiTurnsPerDay: 20000,
      voiceProviders: ['espeak', 'koeiromap', 'openai'],
      ownProviderKeys: true,
    },
  },
};
