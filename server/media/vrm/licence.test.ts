import { describe, expect, it } from 'vitest';
import { validateVrm } from './index';
import { buildVrm } from './vrm.testkit';

const licence0 = (meta: Record<string, unknown>) => validateVrm(buildVrm({ version: '0.x', meta })).licence;
const licence1 = (meta: Record<string, unknown>) => validateVrm(buildVrm({ version: '1.0', meta })).licence;
const hub = (query: string) => `https://hub.vroid.com/license?${query}`;

describe('VRM 0.x licences', () => {
  it.each([
    [{ allowedUserName: 'OnlyAuthor' }, 'only the author'],
    [{ allowedUserName: 'ExplicitlyLicensedPerson' }, 'explicitly licensed'],
    [{ allowedUserName: undefined }, 'does not say who may use'],
    [{ licenseName: 'Redistribution_Prohibited' }, 'prohibits redistributing'],
    [{ licenseName: undefined }, 'does not name a licence'],
    [{ licenseName: 'Other' }, 'reviewed by hand'],
    [{ licenseName: 'CC_BY', otherPermissionUrl: 'https://example.com/my-extra-terms' }, 'reviewed by hand'],
    [
      {
        licenseName: 'Other',
        otherPermissionUrl: 'https://hub.vroid.com/license?allowed_to_use_user=everyone&redistribution=allow',
        otherLicenseUrl: 'https://example.com/terms',
      },
      'reviewed by hand',
    ],
    [
      {
        licenseName: 'Other',
        otherPermissionUrl: hub('allowed_to_use_user=everyone&redistribution=disallow'),
      },
      'VRoid Hub terms do not allow',
    ],
    [
      { licenseName: 'Other', otherLicenseUrl: hub('allowed_to_use_user=author&redistribution=allow') },
      'do not let everyone',
    ],
    [
      {
        licenseName: 'Other',
        otherPermissionUrl:
          'https://hub.vroid.com.evil.example/license?allowed_to_use_user=everyone&redistribution=allow',
      },
      'reviewed by hand',
    ],
    [
      {
        licenseName: 'Other',
        otherPermissionUrl: hub('allowed_to_use_user=everyone&redistribution=disallow&redistribution=allow'),
      },
      'do not allow',
    ],
  ])('keeps %o private: "%s"', (meta, reason) => {
    const licence = licence0(meta);
    expect(licence.canBePublic).toBe(false);
    expect(licence.reason).toContain(reason);
  });

  it.each(['CC0', 'CC_BY', 'CC_BY_SA', 'CC_BY_NC', 'CC_BY_ND'])(
    'lets %s avatars be public',
    (licenseName) => {
      expect(licence0({ licenseName }).canBePublic).toBe(true);
    },
  );

  it('requires credit for CC BY and not for CC0', () => {
    expect(licence0({ licenseName: 'CC_BY' }).creditRequired).toBe(true);
    expect(licence0({ licenseName: 'CC0' }).creditRequired).toBe(false);
  });

  it('reads VRoid Hub terms from the licence URL', () => {
    const licence = licence0({
      licenseName: 'Other',
      otherPermissionUrl: hub('allowed_to_use_user=everyone&redistribution=allow&credit=necessary'),
    });
    expect(licence).toMatchObject({ canBePublic: true, creditRequired: true });
  });

  it('keeps the meta exactly as the file states it, typos included', () => {
    const { meta } = licence0({
      violentUssageName: 'Disallow',
      commercialUssageName: 'Disallow',
      licenseName: 'CC_BY_NC',
    });
    expect(meta).toMatchObject({
      spec: '0.x',
      violentUssageName: 'Disallow',
      commercialUssageName: 'Disallow',
      licenseName: 'CC_BY_NC',
      author: 'Kotodama tests',
    });
  });
});

describe('VRM 1.0 licences', () => {
  it.each([
    [{ avatarPermission: undefined }, 'only the author'], // the spec default is onlyAuthor
    [{ avatarPermission: 'onlyAuthor' }, 'only the author'],
    [{ avatarPermission: 'onlySeparatelyLicensedPerson' }, 'separately licensed'],
    [{ allowRedistribution: false }, 'does not allow redistributing'],
    [{ allowRedistribution: undefined }, 'does not allow redistributing'], // default false
    [{ allowRedistribution: 'true' }, 'does not allow redistributing'], // a string is not a yes
  ])('keeps %o private: "%s"', (meta, reason) => {
    const licence = licence1(meta);
    expect(licence.canBePublic).toBe(false);
    expect(licence.reason).toContain(reason);
  });

  it('lets everyone + redistribution be public and keeps the stated fields', () => {
    const licence = licence1({ commercialUsage: 'corporation', allowExcessivelyViolentUsage: false });
    expect(licence.canBePublic).toBe(true);
    expect(licence.meta).toMatchObject({
      spec: '1.0',
      avatarPermission: 'everyone',
      allowRedistribution: true,
      commercialUsage: 'corporation',
      allowExcessivelyViolentUsage: false,
    });
  });

  it('requires credit unless creditNotation says "unnecessary" (the default is required)', () => {
    expect(licence1({ creditNotation: undefined }).creditRequired).toBe(true);
    expect(licence1({ creditNotation: 'unnecessary' }).creditRequired).toBe(false);
  });

  it('joins several authors for display', () => {
    expect(validateVrm(buildVrm({ meta: { authors: ['Aiko', 'Ben'] } })).author).toBe('Aiko, Ben');
  });
});
