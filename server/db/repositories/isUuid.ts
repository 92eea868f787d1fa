const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients: a string that is not a uuid names no row (PostgreSQL would throw on it). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
