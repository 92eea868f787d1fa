import { arr, bool, index, obj, str, strings, type JsonObject } from '../json';

/**
 * A VRM's author and licence information, the fields both versions share read into one shape;
 * `raw` keeps the file's own meta object (VRM 0.x or 1.0 spelling) for anything else.
 */
export interface VrmMeta {
  metaVersion: '0' | '1';
  /** The avatar's name (0.x `title`, 1.0 `name`). */
  name: string;
  version: string;
  authors: string[];
  contactInformation: string;
  /** Licence name as written (0.x `licenseName`, e.g. "CC0"; 1.0: "VRM Public License 1.0"). */
  licenseName: string;
  /** Licence document (0.x `otherLicenseUrl`, 1.0 `licenseUrl`). */
  licenseUrl: string;
  /** Whether others may redistribute the file (null: the file does not say). */
  allowRedistribution: boolean | null;
  /** Who may use the avatar (0.x `allowedUserName`, 1.0 `avatarPermission`), as written. */
  avatarPermission: string;
  /** Commercial use (0.x `commercialUssageName`, 1.0 `commercialUsage`), as written. */
  commercialUsage: string;
  /** glTF image (1.0) or texture (0.x) index of the thumbnail. */
  thumbnail: number | null;
  raw: JsonObject;
}

/** VRM 0.x licence names that forbid redistribution (UniVRM's enumeration). */
const VRM0_NO_REDISTRIBUTION = new Set(['Redistribution_Prohibited']);
/** VRM 0.x licence names whose terms allow redistribution. */
const VRM0_REDISTRIBUTABLE = new Set([
  'CC0',
  'CC_BY',
  'CC_BY_NC',
  'CC_BY_SA',
  'CC_BY_NC_SA',
  'CC_BY_ND',
  'CC_BY_NC_ND',
]);

/** Reads VRM 0.x `extensions.VRM.meta`. */
export function parseVrm0Meta(value: unknown): VrmMeta {
  const m = obj(value);
  const licenseName = str(m.licenseName);
  const allowRedistribution = VRM0_NO_REDISTRIBUTION.has(licenseName)
    ? false
    : VRM0_REDISTRIBUTABLE.has(licenseName)
      ? true
      : null;
  const author = str(m.author);
  return {
    metaVersion: '0',
    name: str(m.title),
    version: str(m.version),
    authors: author ? [author] : [],
    contactInformation: str(m.contactInformation),
    licenseName,
    licenseUrl: str(m.otherLicenseUrl),
    allowRedistribution,
    avatarPermission: str(m.allowedUserName),
    commercialUsage: str(m.commercialUssageName),
    thumbnail: index(m.texture),
    raw: m,
  };
}

/** Reads VRM 1.0 `extensions.VRMC_vrm.meta`. */
export function parseVrm1Meta(value: unknown): VrmMeta {
  const m = obj(value);
  const licenseUrl = str(m.licenseUrl);
  return {
    metaVersion: '1',
    name: str(m.name),
    version: str(m.version),
    authors: strings(arr(m.authors)),
    contactInformation: str(m.contactInformation),
    licenseName: /vrm\.dev\/licenses\/1\.0/.test(licenseUrl) ? 'VRM Public License 1.0' : licenseUrl,
    licenseUrl,
    allowRedistribution: typeof m.allowRedistribution === 'boolean' ? bool(m.allowRedistribution) : null,
    avatarPermission: str(m.avatarPermission, 'onlyAuthor'),
    commercialUsage: str(m.commercialUsage, 'personalNonProfit'),
    thumbnail: index(m.thumbnailImage),
    raw: m,
  };
}
