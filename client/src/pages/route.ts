/** Which page a path shows. */
export type Route = { page: 'lobby' } | { page: 'room'; roomId: string } | { page: 'notFound' };

/** `/` → lobby, `/r/:roomId` → room; anything else → not found. */
export function route(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html' || pathname === '') return { page: 'lobby' };
  const m = /^\/r\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (m) return { page: 'room', roomId: m[1] };
  return { page: 'notFound' };
}
