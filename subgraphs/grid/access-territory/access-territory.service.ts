import { requireRole } from '../../../lib/auth/access';
import { isId } from '../../../lib/ids';
import type { GridContext } from '../context';
import type { AccessTerritory } from './access-territory.resolver';

/** The streets, communities and grids of one street, community or worker; null when it does not exist. */
export async function accessTerritoryOf(
  ctx: GridContext,
  { streetId, communityId, workerId }: { streetId: string | null; communityId: string | null; workerId: string | null },
): Promise<AccessTerritory | null> {
  requireRole(ctx.viewer, ['SERVICE'], 'resolving a territory');
  if ([streetId, communityId, workerId].some((id) => id && !isId(id))) return null;
  const connection = ctx.em.getConnection();
  // One statement per caller, whichever the role: the grids, with their community and street.
  let rows: Array<{ grid_id: string | null; community_id: string; street_id: string }>;
  if (workerId) {
    if (!(await ctx.loaders.worker.load(workerId))) return null;
    rows = await connection.execute(
      `select g.id as grid_id, c.id as community_id, c.street_id from grid.grid_assignment a
         join grid.grid g on g.id = a.grid_id join grid.community c on c.id = g.community_id
        where a.worker_id = ? and a.ended_at is null`,
      [workerId],
    );
  } else if (communityId) {
    rows = await connection.execute(
      `select g.id as grid_id, c.id as community_id, c.street_id from grid.community c
         left join grid.grid g on g.community_id = c.id where c.id = ?`,
      [communityId],
    );
    if (!rows.length) return null;
  } else if (streetId) {
    rows = await connection.execute(
      `select g.id as grid_id, c.id as community_id, s.id as street_id from grid.street s
         left join grid.community c on c.street_id = s.id left join grid.grid g on g.community_id = c.id where s.id = ?`,
      [streetId],
    );
    const [first] = rows;
    if (!first) return null;
    if (!first.community_id) return { streetIds: [streetId], communityIds: [], gridIds: [] };
  } else {
    return null;
  }
  const unique = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))];
  return {
    streetIds: unique(rows.map((r) => r.street_id)),
    communityIds: unique(rows.map((r) => r.community_id)),
    gridIds: unique(rows.map((r) => r.grid_id)),
  };
}
