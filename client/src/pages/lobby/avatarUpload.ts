import { ApiError, type ApiClient, type AvatarInfo } from '../../net';
import { h, replace } from '../../ui/dom';

/** What an uploaded avatar's warnings mean for its owner. */
const WARNING_TEXT = {
  no_lip_sync: 'No lip-sync: this avatar has no mouth shapes, so its mouth will not move while it speaks.',
  no_expressions: 'No expressions: its face will not smile, frown or blink.',
  not_shareable:
    'Only you can use it: its licence does not allow sharing, so it cannot go on a public character.',
} as const;

/** "12.5 MB" / "800 KB", rounded `up` (a file that is too big never reads as the limit) or `down`. */
export function formatSize(bytes: number, round: 'up' | 'down' = 'down'): string {
  const step = round === 'up' ? Math.ceil : Math.floor;
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.max(1, step(bytes / 1024))} KB`;
  return `${step(mb * 10) / 10} MB`;
}

/** The refusal for a file over the limit, before anything is sent (null when it fits). */
export function tooBigReason(size: number, maxBytes: number): string | null {
  if (!maxBytes || size <= maxBytes) return null;
  return `This file is ${formatSize(size, 'up')}; avatars may be at most ${formatSize(maxBytes)}. Reduce texture sizes in your VRM exporter and export it again.`;
}

/**
 * "Upload your own": a .vrm file input, checked against the server's size limit, sent with a
 * progress bar; the server's refusal is shown as it gave it, and a stored avatar's warnings
 * (e.g. no lip-sync) are listed before `onUploaded` selects it.
 */
export class AvatarUpload {
  private readonly input = h('input', {
    class: 'file-input',
    id: 'avatar-file',
    type: 'file',
    accept: '.vrm,model/gltf-binary',
    'aria-describedby': 'avatar-file-hint avatar-upload-status',
  });
  private readonly bar = h('progress', {
    class: 'upload-bar',
    max: 100,
    value: 0,
    'aria-label': 'Upload progress',
    hidden: true,
  });
  private readonly status = h('p', { class: 'upload-status', id: 'avatar-upload-status', role: 'status' });
  private readonly refusal = h('p', { class: 'upload-refusal', role: 'alert' });
  private readonly warnings = h('ul', { class: 'upload-warnings' });
  private readonly hint = h('p', { class: 'field-hint', id: 'avatar-file-hint' }, 'A VRM 0.x or 1.0 file.');
  private stop: AbortController | null = null;
  private maxBytes = 0;
  private lastId: string | null = null;
  readonly el = h(
    'div',
    { class: 'avatar-upload' },
    h('label', { class: 'field-label', for: 'avatar-file' }, 'Upload your own avatar'),
    this.input,
    this.hint,
    this.bar,
    this.status,
    this.refusal,
    this.warnings,
  );

  constructor(
    private readonly api: ApiClient,
    private readonly onUploaded: (avatar: AvatarInfo) => void,
  ) {
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) void this.upload(file);
    });
  }

  /** The server's largest accepted upload (from GET /api/avatars). */
  setLimit(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.hint.textContent = maxBytes
      ? `A VRM 0.x or 1.0 file, up to ${formatSize(maxBytes)}.`
      : 'A VRM 0.x or 1.0 file.';
  }

  /** Stops an upload in flight and clears the messages. */
  reset(): void {
    this.stop?.abort();
    this.stop = null;
    this.input.value = '';
    this.input.disabled = false;
    this.lastId = null;
    this.bar.hidden = true;
    this.status.textContent = '';
    this.refusal.textContent = '';
    replace(this.warnings);
  }

  /** Clears the messages about `avatarId` once it is gone (deleted), unless another upload is under way. */
  forget(avatarId: string): void {
    if (this.lastId === avatarId && !this.stop) this.reset();
  }

  private async upload(file: File): Promise<void> {
    this.reset();
    const tooBig = tooBigReason(file.size, this.maxBytes);
    if (tooBig) return this.refuse(tooBig);
    const stop = new AbortController();
    this.stop = stop;
    this.input.disabled = true;
    this.progress(file.name, 0);
    try {
      const avatar = await this.api.uploadAvatar(file, (f) => this.progress(file.name, f), {
        signal: stop.signal,
      });
      this.accepted(avatar);
    } catch (err) {
      if (!stop.signal.aborted) this.refuse(refusalText(err));
    } finally {
      if (this.stop === stop) {
        this.stop = null;
        this.input.disabled = false;
      }
    }
  }

  private progress(name: string, fraction: number): void {
    const percent = Math.round(fraction * 100);
    this.bar.hidden = false;
    this.bar.value = percent;
    this.bar.setAttribute('aria-valuetext', `${percent}%`);
    this.status.textContent =
      percent < 100 ? `Uploading ${name}… ${percent}%` : `Uploaded 100%. Checking ${name}…`;
  }

  private accepted(avatar: AvatarInfo): void {
    this.lastId = avatar.id;
    this.status.textContent = `Uploaded “${avatar.name}” (VRM ${avatar.vrmVersion}) and selected it.`;
    replace(
      this.warnings,
      ...avatar.warnings.map((w) => h('li', { class: `upload-warning warning-${w}` }, WARNING_TEXT[w] ?? w)),
    );
    this.onUploaded(avatar);
  }

  private refuse(reason: string): void {
    this.status.textContent = '';
    this.bar.hidden = true;
    this.refusal.textContent = reason;
    this.input.value = '';
  }
}

/** The server's reason when it gave one, led by what happened. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return 'The upload failed. Please try again.';
  if (err.status === 413 || err.status === 422) return `This file cannot be used: ${err.message}`;
  return err.message;
}
