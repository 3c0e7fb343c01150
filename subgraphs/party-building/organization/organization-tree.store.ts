import type { EntityManager } from '@mikro-orm/postgresql';
import { PartyOrganization } from './organization.entity';

/**
 * The organisation tree read with one recursive query for any number of starting points, so a
 * street's whole tree costs the same number of statements whether it has 3 branches or 300.
 */
const ORG = 'party_building.party_organization';

function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

function mapRows(em: EntityManager, rows: Array<Record<string, unknown>>, extra: string[]) {
  return rows.map((row) => {
    const meta = Object.fromEntries(extra.map((key) => [key, row[key]]));
    for (const key of extra) delete row[key];
    return { organization: em.map(PartyOrganization, row as any) as PartyOrganization, meta };
  });
}

/** Descendants of each root down to `maxDepth` levels, nearest first. */
export async function descendantsOf(em: EntityManager, rootIds: readonly string[], maxDepth: number) {
  if (!rootIds.length) return [];
  const rows: Array<Record<string, unknown>> = await em.getConnection().execute(
    `with recursive tree as (
       select id as root_id, id, 0 as depth from ${ORG} where id = any(?::uuid[])
       union all
       select t.root_id, c.id, t.depth + 1 from ${ORG} c join tree t on c.parent_id = t.id where t.depth < ?
     )
     select o.*, t.root_id as tree_root_id, t.depth as tree_depth
     from tree t join ${ORG} o on o.id = t.id where t.depth > 0 order by t.depth, o.id`,
    [uuidArray(rootIds), maxDepth],
    'all',
    em.getTransactionContext(),
  );
  return mapRows(em, rows, ['tree_root_id', 'tree_depth']).map(({ organization, meta }) => ({
    organization,
    rootId: String(meta.tree_root_id),
    depth: Number(meta.tree_depth),
  }));
}

/**
 * An organisation's id and the ids of every organisation below it (dissolved ones too: their
 * history stays theirs). `union` rather than `union all`, so a damaged tree cannot loop.
 */
export async function subtreeIds(em: EntityManager, rootId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await em.getConnection().execute(
    `with recursive sub as (
       select id from ${ORG} where id = ?
       union
       select c.id from ${ORG} c join sub on c.parent_id = sub.id
     )
     select id from sub`,
    [rootId],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((row) => row.id);
}

/** Ancestors of each organisation, from the top of the chain down to its parent. */
export async function ancestorsOf(em: EntityManager, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows: Array<Record<string, unknown>> = await em.getConnection().execute(
    `with recursive up as (
       select o.id as start_id, o.parent_id as id, 1 as height from ${ORG} o where o.id = any(?::uuid[]) and o.parent_id is not null
       union all
       select u.start_id, o.parent_id, u.height + 1 from up u join ${ORG} o on o.id = u.id where o.parent_id is not null
     )
     select o.*, u.start_id as tree_start_id, u.height as tree_height
     from up u join ${ORG} o on o.id = u.id order by u.height desc`,
    [uuidArray(ids)],
    'all',
    em.getTransactionContext(),
  );
  return mapRows(em, rows, ['tree_start_id', 'tree_height']).map(({ organization, meta }) => ({
    organization,
    startId: String(meta.tree_start_id),
  }));
}

/** An organisation's id followed by its ancestors' ids, nearest first (its line of the tree). */
export async function lineOf(em: EntityManager, id: string): Promise<string[]> {
  const ancestors = await ancestorsOf(em, [id]);
  return [id, ...ancestors.map((a) => a.organization.id).reverse()];
}

/**
 * Rewrite the inherited street and community of an organisation's whole subtree after it moved.
 * A community committee keeps its own community (it is what it covers); below it both change.
 */
export async function rewriteSubtreeScope(
  em: EntityManager,
  rootId: string,
  scope: { streetId: string | null; communityId: string | null },
  keepCommunity: boolean,
): Promise<void> {
  const sets = keepCommunity ? 'street_id = ?' : 'street_id = ?, community_id = ?';
  const values = keepCommunity ? [scope.streetId] : [scope.streetId, scope.communityId];
  await em.getConnection().execute(
    `with recursive sub as (
       select id from ${ORG} where id = ?
       union all
       select c.id from ${ORG} c join sub on c.parent_id = sub.id
     )
     update ${ORG} set ${sets} where id in (select id from sub)`,
    [rootId, ...values],
    'run',
    em.getTransactionContext(),
  );
}
