import type { Server } from '@colyseus/core';
import { ROOM_NAME } from '@shared';
import { authenticate } from './authenticate';
import { CharacterRoom } from './CharacterRoom';
import type { RoomDeps } from './RoomDeps';

/** Registers the `character` room with its process dependencies bound in. */
export function defineCharacterRoom(gameServer: Server, deps: RoomDeps): void {
  class BoundCharacterRoom extends CharacterRoom {
    override deps = deps;
    static override async onAuth(_token: string, options: unknown) {
      return authenticate(deps.signer, options);
    }
  }
  gameServer.define(ROOM_NAME, BoundCharacterRoom);
}
