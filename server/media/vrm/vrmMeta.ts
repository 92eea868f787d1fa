/**
 * The VRM meta block, kept as the file states it (field names as each spec spells them, typos
 * included), with strings cut to a sane length. Fields of the wrong type read as absent.
 */
import { asArray, asBoolean, asObject, asString, field } from './jsonAccess';
import { type JsonObject } from './jsonChunk';

/** VRM 0.x `extensions.VRM.meta`. */
export interface Vrm0Meta {
  spec: '0.x';
  title?: string;
  version?: string;
  author?: string;
  contactInformation?: string;
  reference?: string;
  allowedUserName?: string;
  violentUssageName?: string;
  sexualUssageName?: string;
  commercialUssageName?: string;
  licenseName?: string;
  otherPermissionUrl?: string;
  otherLicenseUrl?: string;
}

/** VRM 1.0 `extensions.VRMC_vrm.meta`. */
export interface Vrm1Meta {
  spec: '1.0';
  name?: string;
  version?: string;
  authors: string[];
  copyrightInformation?: string;
  contactInformation?: string;
  references: string[];
  thirdPartyLicenses?: string;
  licenseUrl?: string;
  avatarPermission?: string;
  allowExcessivelyViolentUsage?: boolean;
  allowExcessivelySexualUsage?: boolean;
  commercialUsage?: string;
  allowPoliticalOrReligiousUsage?: boolean;
  allowAntisocialOrHateUsage?: boolean;
  creditNotation?: string;
  allowRedistribution?: boolean;
  modification?: string;
  otherLicenseUrl?: string;
}

const VRM0_TEXT = [
  'title',
  'version',
  'author',
  'contactInformation',
  'reference',
  'allowedUserName',
  'violentUssageName',
  'sexualUssageName',
  'commercialUssageName',
  'licenseName',
  'otherPermissionUrl',
  'otherLicenseUrl',
] as const;
const VRM1_TEXT = [
  'name',
  'version',
  'copyrightInformation',
  'contactInformation',
  'thirdPartyLicenses',
  'licenseUrl',
  'avatarPermission',
  'commercialUsage',
  'creditNotation',
  'modification',
  'otherLicenseUrl',
] as const;
const VRM1_FLAGS = [
  'allowExcessivelyViolentUsage',
  'allowExcessivelySexualUsage',
  'allowPoliticalOrReligiousUsage',
  'allowAntisocialOrHateUsage',
  'allowRedistribution',
] as const;

/** Longest kept string: long enough for any real URL or credit line, short enough for a catalogue row. */
const MAX_TEXT = 2048;
const MAX_LIST = 32;

const text = (value: unknown) => asString(value)?.slice(0, MAX_TEXT);

/** Reads VRM 0.x meta. */
export function readVrm0Meta(vrm: JsonObject): Vrm0Meta {
  const meta = asObject(field(vrm, 'meta'));
  const out: Vrm0Meta = { spec: '0.x' };
  for (const key of VRM0_TEXT) {
    const value = text(field(meta, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Reads VRM 1.0 meta. */
export function readVrm1Meta(vrm: JsonObject): Vrm1Meta {
  const meta = asObject(field(vrm, 'meta'));
  const list = (key: string) =>
    (asArray(field(meta, key)) ?? []).flatMap((v) => text(v) ?? []).slice(0, MAX_LIST);
  const out: Vrm1Meta = { spec: '1.0', authors: list('authors'), references: list('references') };
  for (const key of VRM1_TEXT) {
    const value = text(field(meta, key));
    if (value !== undefined) out[key] = value;
  }
  for (const key of VRM1_FLAGS) {
    const value = asBoolean(field(meta, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}
