import { describe, expect, it } from 'vitest';
import { proxyRouteOf } from './proxyRoutes';

describe('proxyRouteOf', () => {
  it('sends a room socket to the process named in its path', () => {
    expect(proxyRouteOf('/p1Ab_c/roomX9?sessionId=s1&reconnectionToken=t', true)).toEqual({
      kind: 'process',
      processId: 'p1Ab_c',
    });
  });
  it('sends matchmaking, the room page and its API to the room’s holder', () => {
    for (const url of ['/matchmake/joinById/r1', '/matchmake/reconnect/r1', '/r/r1?link=x', '/api/rooms/r1'])
      expect(proxyRouteOf(url, false), url).toEqual({ kind: 'room', roomId: 'r1' });
  });
  it('sends everything else to any live process', () => {
    for (const url of [
      '/',
      '/api/rooms',
      '/api/auth/guest',
      '/matchmake/create/character',
      '/media/audio/x.wav',
    ])
      expect(proxyRouteOf(url, false), url).toEqual({ kind: 'any' });
    expect(proxyRouteOf('/a/b/c', true)).toEqual({ kind: 'any' });
  });
});
