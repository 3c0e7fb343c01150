import { notFound } from '../../../lib/errors';
import { fetchRemoteEntities, requireRemoteEntities } from '../../../lib/remote-entities';
import { checkId } from './check-id';

/** The grid subgraph must know the community before anything is stored against it. */
export async function requireCommunity(communityId: string, field: string): Promise<void> {
  checkId(communityId, field, 'Community');
  await requireRemoteEntities('grid', 'Community', [communityId], field);
}

/**
 * Where a resident lives (grid and community), as the grid subgraph says now: a wish belongs to
 * that community, and the staff of that grid or community may raise it for them.
 */
export async function homeOfResident(residentId: string, field: string): Promise<{ gridId: string; communityId: string }> {
  checkId(residentId, field, 'Resident');
  const [resident] = await fetchRemoteEntities<{ grid: { id: string; community: { id: string } } }>(
    'grid', 'Resident', [residentId], 'id grid { id community { id } }',
  );
  if (!resident) throw notFound(field, 'Resident', residentId);
  return { gridId: resident.grid.id, communityId: resident.grid.community.id };
}

export async function requirePartyOrganization(organizationId: string, field: string): Promise<void> {
  checkId(organizationId, field, 'PartyOrganization');
  await requireRemoteEntities('party-building', 'PartyOrganization', [organizationId], field);
}

/** The community of a grid, as the grid subgraph says now (null if it does not know the grid). */
export async function communityOfGrid(gridId: string): Promise<string | null> {
  const [grid] = await fetchRemoteEntities<{ community: { id: string } }>('grid', 'Grid', [gridId], 'id community { id }');
  return grid?.community.id ?? null;
}
