/** Storage keys of an uploaded avatar: named by the file's SHA-256, so a URL never changes meaning. */
export function avatarKeys(
  sha256: string,
  thumbnailMime?: 'image/png' | 'image/jpeg',
): { file: string; thumbnail: string | null } {
  const thumbnail = thumbnailMime
    ? `avatars/${sha256}.thumb.${thumbnailMime === 'image/png' ? 'png' : 'jpg'}`
    : null;
  return { file: `avatars/${sha256}.vrm`, thumbnail };
}
