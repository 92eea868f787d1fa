import { describe, expect, it } from 'vitest';
import { route } from './route';

describe('route', () => {
  it('opens the lobby at the root and a room from its link', () => {
    expect(route('/')).toEqual({ page: 'lobby' });
    expect(route('/r/AbC_12-x')).toEqual({ page: 'room', roomId: 'AbC_12-x' });
  });

  it('does not treat other paths as rooms', () => {
    expect(route('/r/')).toEqual({ page: 'notFound' });
    expect(route('/r/a/b')).toEqual({ page: 'notFound' });
    expect(route('/admin')).toEqual({ page: 'notFound' });
  });
});
