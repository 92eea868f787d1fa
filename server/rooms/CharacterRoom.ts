import { randomUUID } from 'node:crypto';
import { Room, ServerError, type Client, type Delayed, type RoomException } from '@colyseus/core';
import {
  CHAT_STATE_LIMIT,
  CLIENT_PAYLOADS,
  CLOSE_CODES,
  ChatLine,
  ERROR_CODES,
  JOIN_ERRORS,
  Member,
  RoomState,
  SERVER_MESSAGES,
  type ClientMessageName,
  type ErrorCode,
} from '@shared';
import { checkJoin, refusalMessage } from '../billing/limits';
import { subscribeRoom } from '../bus';
import type { Room as RoomRecord } from '../db';
import { AgentOutput } from './AgentOutput';
import type { StagedCharacter } from './CharacterCatalog';
import { onSay, onReact, onTyping, onVote, onTime } from './handlers/chatHandlers';
import { onHost } from './handlers/hostHandlers';
import type { RoomContext } from './handlers/RoomContext';
import { FloodGuard } from './logic/FloodGuard';
import { decideRole, type JoinIdentity } from './logic/joinPolicy';
import { TokenBucket } from './logic/TokenBucket';
import { loadRoom, roomLinks, roomMetadata } from './roomStore';
import type { NewChatLine } from './RoomHost';
import type { RoomDeps } from './RoomDeps';
import { TurnDispatcher } from './TurnDispatcher';

/** Per-client bookkeeping. */
interface ClientData {
  flood: FloodGuard;
  auth: JoinIdentity;
}

/**
 * The authoritative room of one character session. Thin by design: each handler validates its
 * message, asks pure logic (logic/) what to do, and applies the result to the synced state.
 */
export class CharacterRoom extends Room<RoomState> implements RoomContext {
  deps!: RoomDeps;
  staged!: StagedCharacter;
  record!: RoomRecord;
  readonly banned = new Set<string>();
  readonly promoted = new Set<string>();
  /** Sessions the room ended itself (kick, flood): no reconnection window for them. */
  readonly ejected = new Set<string>();
  dispatcher!: TurnDispatcher;
  output!: AgentOutput;
  private readonly sayBuckets = new Map<string, TokenBucket>();
  private readonly voters = new Map<string, Set<string>>();
  private readonly typingTimers = new Map<string, Delayed>();
  private unsubscribe: (() => Promise<void>) | undefined;
  private offReset: (() => void) | undefined;
  private spectatorCount = 0;
  private emptyTimer: Delayed | undefined;

  override async onCreate(options: { roomId?: unknown }): Promise<void> {
    if (typeof options.roomId !== 'string')
      throw new Error('A character room is created with the id of its database record.');
    this.roomId = options.roomId;
    this.maxClients = this.deps.settings.maxClients;
    this.autoDispose = false;
    this.setState(new RoomState());
    const loaded = await loadRoom(this.deps, options.roomId);
    this.record = loaded.record;
    this.stage(loaded.character);
    this.state.mode = loaded.record.mode;
    for (const m of loaded.history) this.state.chat.push(new ChatLine().assign(m));
    this.dispatcher = new TurnDispatcher(this);
    this.output = new AgentOutput(this);
    this.registerMessages();
    this.unsubscribe = await subscribeRoom(
      this.deps.bus.events,
      this.roomId,
      (e) => this.output.apply(e),
      this.deps.log,
    );
    this.offReset = this.deps.bus.onReset(() => this.afterQueueReset());
    await this.setMetadata(roomMetadata(this));
    this.closeWhenEmpty();
  }

  override async onJoin(client: Client<ClientData>, _options: unknown, auth: JoinIdentity): Promise<void> {
    const decision = decideRole(auth, {
      ...this.record,
      roomId: this.roomId,
      promoted: this.promoted,
      banned: this.banned,
    });
    if (!decision.ok) throw new ServerError(decision.code, decision.message);
    if (decision.role === 'participant' && this.count('participant') >= this.deps.settings.maxParticipants) {
      throw new ServerError(
        JOIN_ERRORS.roomFull,
        'The room has no free seat for another speaker; you can still watch with the spectator link.',
      );
    }
    await this.checkHostPlan(decision.role);
    this.emptyTimer?.clear();
    client.userData = { flood: new FloodGuard(this.deps.settings.flood, this.deps.now()), auth };
    const name = auth.user?.name ?? `Spectator ${++this.spectatorCount}`;
    this.state.members.set(
      client.sessionId,
      new Member().assign({ userId: auth.user?.userId ?? '', name, role: decision.role }),
    );
    for (const u of this.output.pending(this.deps.now())) client.send(SERVER_MESSAGES.utterance, u);
    this.deps.metrics.clients.inc({ role: decision.role });
    await this.setMetadata(roomMetadata(this));
  }

  override async onLeave(client: Client<ClientData>, consented: boolean): Promise<void> {
    const member = this.state.members.get(client.sessionId);
    if (!member) return;
    member.connected = false;
    member.typing = false;
    if (!consented && !this.ejected.has(client.sessionId)) {
      try {
        await this.allowReconnection(client, this.deps.settings.reconnectSeconds);
        member.connected = true;
        return;
      } catch {
        // the seat is released below
      }
    }
    this.state.members.delete(client.sessionId);
    this.typingTimers.get(client.sessionId)?.clear();
    this.deps.metrics.clients.dec({ role: member.role });
    await this.setMetadata(roomMetadata(this));
    this.closeWhenEmpty();
  }

  override async onDispose(): Promise<void> {
    this.offReset?.();
    this.output?.dispose();
    this.dispatcher?.dispose();
    const turnId = this.dispatcher?.cancel();
    if (turnId)
      this.deps.log.info(
        { roomId: this.roomId, turnId },
        'Room closed during a reply; the turn was cancelled.',
      );
    await this.unsubscribe?.().catch(() => undefined);
  }

  override onUncaughtException(error: RoomException<this>, methodName: string): void {
    this.deps.log.error(
      { err: error.cause ?? error, method: methodName, roomId: this.roomId },
      'A room handler failed; the room keeps running.',
    );
    const client = (error as { client?: Client }).client;
    if (client && methodName === 'onMessage')
      this.sendError(client, ERROR_CODES.internal, 'Something went wrong handling that; please try again.');
  }

  // --- RoomContext ---

  memberOf(client: Client): Member | undefined {
    return this.state.members.get(client.sessionId);
  }

  sendError(client: Client, code: ErrorCode, message: string, about?: 'say'): void {
    client.send(SERVER_MESSAGES.error, { code, message, ...(about ? { about } : {}) });
  }

  appendChat(line: NewChatLine): string {
    const id = randomUUID();
    const at = this.deps.now();
    const chat = new ChatLine().assign({ id, at, ...line });
    this.state.chat.push(chat);
    if (this.state.chat.length > CHAT_STATE_LIMIT)
      this.state.chat.splice(0, this.state.chat.length - CHAT_STATE_LIMIT);
    this.broadcast(SERVER_MESSAGES.chat, { id, at, ...line });
    this.deps.chat.append({
      id,
      conversationId: this.record.conversationId,
      kind: line.kind,
      userId: line.userId || null,
      name: line.name,
      text: line.text,
      createdAt: new Date(at),
    });
    return id;
  }

  turnProgressed(): void {
    this.dispatcher.progressed();
  }

  activeTrace() {
    return this.dispatcher.trace;
  }

  turnFinished(turnId: string): void {
    this.dispatcher.finished(turnId);
  }

  sayAllowed(userId: string): true | number {
    const now = this.deps.now();
    let bucket = this.sayBuckets.get(userId);
    if (!bucket)
      this.sayBuckets.set(
        userId,
        (bucket = new TokenBucket(this.deps.settings.sayBurst, this.deps.settings.sayPerSecond, now)),
      );
    return bucket.take(now) ? true : bucket.waitMs(now);
  }

  typingTimeout(sessionId: string): void {
    this.typingTimers.get(sessionId)?.clear();
    this.typingTimers.set(
      sessionId,
      this.clock.setTimeout(() => {
        const m = this.state.members.get(sessionId);
        if (m) m.typing = false;
      }, 6000),
    );
  }

  async revokeLinks(client: Client): Promise<void> {
    this.record.linkGeneration = await this.deps.repos.rooms.bumpLinkGeneration(this.roomId);
    client.send(SERVER_MESSAGES.links, roomLinks(this.deps, this.roomId, this.record.linkGeneration));
  }

  async switchCharacter(client: Client, characterId: string): Promise<void> {
    const userId = this.memberOf(client)?.userId ?? '';
    const staged = (await this.deps.characters.usableBy(characterId, userId))
      ? await this.deps.characters.stage(characterId)
      : null;
    if (!staged)
      return this.sendError(
        client,
        ERROR_CODES.notFound,
        'That character does not exist or is not yours to use.',
      );
    this.dispatcher.cancel();
    this.output.stop();
    this.stage(staged);
    this.record.characterId = characterId;
    await this.deps.repos.rooms.setCharacter(this.roomId, characterId);
    await this.setMetadata(roomMetadata(this));
  }

  count(role: string): number {
    let n = 0;
    this.state.members.forEach((m) => {
      if (m.role === role) n++;
    });
    return n;
  }

  // --- internals ---

  /** Redis came back empty: list this room again (joins find it) and hand its active turn over again. */
  private afterQueueReset(): void {
    this.listing
      .save()
      .catch((err: unknown) =>
        this.deps.log.warn(
          { err, roomId: this.roomId },
          'Could not list the room again after a Redis reset.',
        ),
      );
    this.dispatcher.redeliver();
  }

  /** Refuses a joiner the host's plan has no room for (room size, spectators), naming the upgrade. */
  private async checkHostPlan(role: string): Promise<void> {
    const accounts = this.deps.accounts;
    if (!accounts) return;
    const plan = await accounts.planOf(this.record.ownerId);
    const counts = { people: this.state.members.size, spectators: this.count('spectator') };
    const refusal = checkJoin(accounts.plans, plan.id, counts, role);
    if (refusal)
      throw new ServerError(
        JOIN_ERRORS.roomFull,
        `This room is full. ${refusalMessage(accounts.plans, refusal, "the host's")}`,
      );
  }

  /** Closes the room once it has stayed empty for a while; any join cancels that. */
  private closeWhenEmpty(): void {
    if (!this.isEmpty()) return;
    this.emptyTimer?.clear();
    this.emptyTimer = this.clock.setTimeout(() => {
      if (this.isEmpty()) void this.disconnect();
      else this.closeWhenEmpty();
    }, this.deps.settings.emptyRoomTtlMs);
  }

  /** No member and no seat reserved for someone still connecting. */
  private isEmpty(): boolean {
    const reserved = Object.keys((this as unknown as { reservedSeats: object }).reservedSeats ?? {}).length;
    return this.state.members.size === 0 && this.clients.length === 0 && reserved === 0;
  }

  private stage(staged: StagedCharacter): void {
    this.staged = staged;
    this.state.character.assign({
      id: staged.profile.id,
      name: staged.profile.name,
      avatarUrl: staged.avatarUrl,
      expression: 'neutral',
      speaking: false,
      lookAt: '',
      offline: this.deps.llmOffline,
    });
  }

  private registerMessages(): void {
    this.on('say', (c, p) => onSay(this, c, p));
    this.on('react', (c, p) => onReact(this, c, p));
    this.on('typing', (c, p) => onTyping(this, c, p));
    this.on('vote', (c, p) => onVote(this, c, p, this.voters));
    this.on('time', (c, p) => onTime(this, c, p));
    this.on('host', (c, p) => onHost(this, c, p));
    this.onMessage('*', (client: Client<ClientData>, type: unknown) => {
      if (this.admit(client))
        this.sendError(
          client,
          ERROR_CODES.unknownMessage,
          `Unknown message type "${String(type).slice(0, 40)}".`,
        );
    });
  }

  /** Registers a handler behind the flood guard and the message's validator. */
  private on<K extends ClientMessageName>(
    type: K,
    handler: (client: Client, payload: ReturnType<(typeof CLIENT_PAYLOADS)[K]['parse']>) => unknown,
  ): void {
    const schema = CLIENT_PAYLOADS[type];
    this.onMessage(type, (client: Client<ClientData>, raw: unknown) => {
      if (!this.admit(client)) return;
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        return this.sendError(
          client,
          ERROR_CODES.invalidMessage,
          `Invalid "${type}" message: ${parsed.error.issues[0]?.message ?? 'wrong shape'}.`,
        );
      return handler(client, parsed.data as never);
    });
  }

  /** The flood guard: warn, drop, then disconnect a client that keeps flooding. */
  private admit(client: Client<ClientData>): boolean {
    const verdict = client.userData?.flood.check(this.deps.now()) ?? 'drop';
    if (verdict === 'accept') return true;
    if (verdict === 'warn')
      this.sendError(
        client,
        ERROR_CODES.rateLimited,
        'Too many messages: slow down, or you will be disconnected.',
      );
    if (verdict === 'disconnect') {
      this.deps.log.warn(
        { roomId: this.roomId, sessionId: client.sessionId },
        'Disconnected a client that kept flooding the room.',
      );
      this.ejected.add(client.sessionId);
      client.leave(CLOSE_CODES.flood, 'Too many messages.');
    }
    return false;
  }
}
