/**
 * The catalogue's question about an avatar's licence: may it ever be offered to other people?
 * Public means other users pick it for their characters and every viewer downloads the file,
 * so it needs both "anyone may use it as an avatar" and "it may be redistributed". Anything
 * unclear counts as no: a wrong "yes" is a licence breach, a wrong "no" costs one review.
 */
import { type Vrm0Meta, type Vrm1Meta } from './vrmMeta';

/** The meta as stated, plus the normalised answer the catalogue needs. */
export interface VrmLicence {
  canBePublic: boolean;
  /** Why not, in words a creator understands; absent when `canBePublic`. */
  reason?: string;
  /** Whether the catalogue must credit the author wherever the avatar is shown. */
  creditRequired: boolean;
  meta: Vrm0Meta | Vrm1Meta;
}

type Verdict = Omit<VrmLicence, 'meta'>;

const CREATIVE_COMMONS = new Set([
  'CC0',
  'CC_BY',
  'CC_BY_NC',
  'CC_BY_SA',
  'CC_BY_NC_SA',
  'CC_BY_ND',
  'CC_BY_NC_ND',
]);

/** Summarises a VRM 0.x or 1.0 meta block. */
export function summariseLicence(meta: Vrm0Meta | Vrm1Meta): VrmLicence {
  return { ...(meta.spec === '0.x' ? verdict0(meta) : verdict1(meta)), meta };
}

function verdict1(meta: Vrm1Meta): Verdict {
  // Absent fields take the VRM 1.0 defaults: onlyAuthor, no redistribution, credit required.
  const creditRequired = meta.creditNotation !== 'unnecessary';
  const permission = meta.avatarPermission ?? 'onlyAuthor';
  if (permission === 'onlyAuthor')
    return no('The licence lets only the author use this avatar.', creditRequired);
  if (permission !== 'everyone')
    return no('The licence lets only separately licensed people use this avatar.', creditRequired);
  if (meta.allowRedistribution !== true)
    return no('The licence does not allow redistributing this avatar.', creditRequired);
  return { canBePublic: true, creditRequired };
}

function verdict0(meta: Vrm0Meta): Verdict {
  const terms = vroidHubTerms(meta);
  const creditRequired = !(meta.licenseName === 'CC0' || terms?.get('credit') === 'unnecessary');
  const user = meta.allowedUserName;
  if (user === 'OnlyAuthor') return no('The licence lets only the author use this avatar.', creditRequired);
  if (user === 'ExplicitlyLicensedPerson')
    return no('The licence lets only explicitly licensed people use this avatar.', creditRequired);
  if (user !== 'Everyone') return no('The file does not say who may use this avatar.', creditRequired);
  const licence = meta.licenseName;
  if (licence === 'Redistribution_Prohibited')
    return no('The licence prohibits redistributing this avatar.', creditRequired);
  if (licence !== 'Other' && (licence === undefined || !CREATIVE_COMMONS.has(licence)))
    return no('The file does not name a licence.', creditRequired);
  // Extra conditions behind a URL we cannot read may restrict anything; VRoid Hub's we can read.
  if (terms === undefined && (meta.otherPermissionUrl || licence === 'Other')) {
    return no(
      'The avatar has licence conditions behind a link that must be reviewed by hand.',
      creditRequired,
    );
  }
  if (terms && terms.get('redistribution') !== 'allow')
    return no('The VRoid Hub terms do not allow redistributing this avatar.', creditRequired);
  if (terms && terms.get('allowed_to_use_user') !== 'everyone')
    return no('The VRoid Hub terms do not let everyone use this avatar.', creditRequired);
  return { canBePublic: true, creditRequired };
}

function no(reason: string, creditRequired: boolean): Verdict {
  return { canBePublic: false, reason, creditRequired };
}

/**
 * VRoid Hub writes its terms as query parameters of a hub.vroid.com/license URL, e.g.
 * `?allowed_to_use_user=everyone&redistribution=allow&credit=unnecessary`. Returns the merged
 * terms when every licence URL in the meta is such a URL (only that exact host is trusted),
 * and undefined when there is none or any other URL could add conditions.
 */
function vroidHubTerms(meta: Vrm0Meta): Map<string, string> | undefined {
  const urls = [meta.otherPermissionUrl, meta.otherLicenseUrl].filter((u): u is string => Boolean(u?.trim()));
  const terms = new Map<string, string>();
  for (const candidate of urls) {
    const url = URL.canParse(candidate) ? new URL(candidate) : undefined;
    if (
      url?.protocol !== 'https:' ||
      url.hostname !== 'hub.vroid.com' ||
      !url.pathname.startsWith('/license')
    )
      return undefined;
    // A parameter stated twice with different values is ambiguous and reads as absent.
    for (const [key, value] of url.searchParams)
      terms.set(key, terms.has(key) && terms.get(key) !== value ? '' : value);
  }
  return urls.length > 0 ? terms : undefined;
}
