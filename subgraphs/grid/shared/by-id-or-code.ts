/** A record asked for by id, or else by code (the two ways clients name streets, communities, grids, buildings). */
export function byIdOrCode<T>(
  byId: { load(id: string): Promise<T> },
  byCode: { load(code: string): Promise<T> },
  id: string | undefined,
  code: string | undefined,
): Promise<T | null> {
  if (id) return byId.load(id);
  return code ? byCode.load(code) : Promise.resolve(null);
}
