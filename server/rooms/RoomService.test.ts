import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';
import { RoomService } from './RoomService';

describe('RoomService reopening a dormant room', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('brings it back exactly once when two processes open its link at the same moment', async () => {
    const owner = await signIn(server, 'Olivia');
    const { body } = await server.post('/api/rooms', {}, owner.accessToken);
    const live = matchMaker.getLocalRoomById(body.roomId);
    await live.disconnect();
    expect(await matchMaker.query({ roomId: body.roomId })).toHaveLength(0);

    // Two services stand for two processes: each has its own in-flight map, as separate processes would.
    const services = [
      new RoomService(server.services.roomDeps),
      new RoomService(server.services.roomDeps),
      server.services.rooms,
    ];
    const opened = await Promise.all(services.map((s) => s.open(body.roomId, owner.user.id)));
    expect(opened.map((o) => o.roomId)).toEqual([body.roomId, body.roomId, body.roomId]);
    expect(await matchMaker.query({ roomId: body.roomId })).toHaveLength(1);
  });
});
