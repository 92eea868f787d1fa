import { SERVER_MESSAGES } from '@shared/messageNames';
import type { InterruptMessage, Utterance } from '@shared';
import { UtterancePlayer } from '../../audio';
import { debugEnabled, installDebugHandle, MARKS, markOnce } from '../../debug';
import { ApiClient, browserStorage, TokenStore, type ApiError, type RoomInfo } from '../../net';
import { describeJoinError, JoinFailure, RoomSession } from '../../net/room';
import { Hud } from '../../ui';
import type { AvatarStage, createAvatarStage } from './avatarStage';
import { JoinGate } from './joinGate';
import { Performer } from './Performer';
import { RoomController } from './RoomController';
import { createRoomShell, type RoomShell } from './roomShell';

/** Everything running on a room page (returned for tests and the debug handle). */
export interface RoomPageHandle {
  session: RoomSession;
  audio: UtterancePlayer;
  performer: Performer;
  avatar: Promise<AvatarStage | null>;
}

/**
 * The room page (`/r/:roomId?link=…`): asks the server for the room (which also wakes the live
 * room), starts loading the avatar chunk and file at once, joins (asking for a name when the
 * link needs an account), and wires the performance to audio, avatar and HUD.
 */
export async function startRoomPage(
  root: HTMLElement,
  roomId: string,
  params: URLSearchParams,
): Promise<RoomPageHandle | null> {
  const debug = debugEnabled(`?${params}`);
  const shell = createRoomShell(root);
  // The HUD first (small), then the avatar chunk (large; its evaluation blocks the page for a while).
  const hudReady = Hud.create(shell.hudCanvas);
  const stageChunk = import('./avatarStage');
  const api = new ApiClient(new TokenStore(browserStorage()));
  const info = await roomInfo(api, roomId, shell);
  if (!info) return null;
  document.title = `${info.character.name} · Kotodama`;

  const session = new RoomSession({
    roomId,
    link: params.get('link') ?? undefined,
    accessToken: () => api.accessToken(),
  });
  if (info.links) session.store.setLinks(info.links);
  const audio = new UtterancePlayer({ toLocal: (ms) => session.clock.toLocal(ms) });
  const signIn = async (name: string): Promise<void> => {
    await api.signInGuest(name);
    await session.join();
  };
  const controller = new RoomController(shell, session, audio, signIn);
  const performer = new Performer(audio, session.clock, (line) => controller.setBubble(line));
  session.on<Utterance>(SERVER_MESSAGES.utterance, (u) => performer.accept(u));
  session.on<InterruptMessage>(SERVER_MESSAGES.interrupt, (m) => performer.interrupt(m.turnId));
  session.store.subscribe((v, p) => {
    if (v.speech !== p.speech) performer.acceptSpeech(v.speech);
  });

  // Debug-only knobs for tests and benchmarks: another avatar file, a lower idle frame rate.
  const avatarUrl = (debug && params.get('avatar')) || info.character.avatarUrl;
  const idleFps = debug && Number(params.get('idleFps')) > 0 ? Number(params.get('idleFps')) : undefined;
  const avatar = bootAvatar(stageChunk, shell, { url: avatarUrl, idleFps }, session, performer, controller);
  void hudReady.then(
    (hud) => controller.setHud(hud),
    (err: Error) => console.warn(`The HUD could not start: ${err.message}`),
  );
  if (debug) installDebug(session, performer, avatar);

  void api.characters().then(
    (list) => controller.hostPanel.setCharacters(list, session.store.view),
    () => undefined,
  );
  await join(session, controller);
  return { session, audio, performer, avatar };
}

async function roomInfo(api: ApiClient, roomId: string, shell: RoomShell): Promise<RoomInfo | null> {
  try {
    return await api.room(roomId);
  } catch (err) {
    const e = err as ApiError;
    const problem =
      e.status === 404
        ? describeJoinError(404)
        : { ...describeJoinError(0, e.message), title: 'Cannot open the room' };
    shell.progress.fail(problem.message);
    const gate = new JoinGate({ signIn: async () => undefined, retry: () => location.reload() });
    shell.overlays.append(gate.el);
    gate.show(problem);
    return null;
  }
}

async function join(session: RoomSession, controller: RoomController): Promise<void> {
  try {
    await session.join();
    markOnce(MARKS.joined);
  } catch (err) {
    if (err instanceof JoinFailure) controller.gate.show(err.problem);
    else throw err;
  }
}

/** Loads the avatar chunk, then the character (progress on the overlay); follows character switches. */
async function bootAvatar(
  chunk: Promise<{ createAvatarStage: typeof createAvatarStage }>,
  shell: RoomShell,
  avatar: { url: string; idleFps?: number },
  session: RoomSession,
  performer: Performer,
  controller: RoomController,
): Promise<AvatarStage | null> {
  let stage: AvatarStage;
  try {
    const { createAvatarStage } = await chunk;
    stage = createAvatarStage(shell.stageCanvas, {
      serverNow: () => session.clock.serverNow(),
      idleFps: avatar.idleFps,
    });
  } catch (err) {
    shell.progress.fail(
      `The 3D stage could not start on this device (${(err as Error).message}). Chat still works.`,
    );
    return null;
  }
  performer.attach(stage);
  controller.setAvatar(stage);
  session.clock.setQuietWindow((quiet) => stage.holdRendering(quiet));
  const phases = {
    download: 'Downloading the character',
    parse: 'Preparing the character',
    ready: 'Ready',
  } as const;
  const load = async (avatarUrl: string): Promise<void> => {
    try {
      await stage.load(avatarUrl, (f, phase) => shell.progress.set(f, phases[phase]));
      controller.setAvatar(stage);
      shell.progress.done();
      session.clock.rewarm();
    } catch (err) {
      if ((err as Error).name !== 'AbortError')
        shell.progress.fail(`The character could not be loaded: ${(err as Error).message}`);
    }
  };
  const loading = load(avatar.url);
  session.store.subscribe((v, p) => {
    const next = v.character.avatarUrl;
    if (next && next !== p.character.avatarUrl && p.character.avatarUrl && next !== stage.url)
      void load(next);
  });
  await loading;
  return stage;
}

function installDebug(session: RoomSession, performer: Performer, avatar: Promise<AvatarStage | null>): void {
  let stage: AvatarStage | null = null;
  void avatar.then((s) => {
    stage = s;
  });
  installDebugHandle(() => ({
    status: session.store.view.connection.status,
    role: session.store.view.me?.role ?? '',
    clockOffsetMs: session.clock.offsetMs,
    clockRttMs: session.clock.rttMs,
    expression: stage?.expression() ?? session.store.view.character.expression,
    mouth: stage?.mouth() ?? { A: 0, I: 0, U: 0, E: 0, O: 0 },
    lastUtterance: performer.lastUtterance,
    fps: stage?.fps() ?? 0,
  }));
}
