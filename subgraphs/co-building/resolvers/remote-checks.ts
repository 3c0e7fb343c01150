import { notFound } from '../../../lib/errors';
import { fetchRemoteEntities, requireRemoteEntities } from '../../../lib/remote-entities';
import { checkId } from '../domain/check-id';

/** The grid subgraph must know the community before anything is stored against it. */
export async function requireCommunity(communityId: string, field: string): Promise<void> {
  checkId(communityId, field, 'Community');
  await requireRemoteEntities('grid', 'Community', [communityId], field);
}

/** A wish belongs to the community where the resident lives, as the grid subgraph says now. */
export async function communityOfResident(residentId: string, field: string): Promise<string> {
  checkId(residentId, field, 'Resident');
  const [resident] = await fetchRemoteEntities<{ grid: { community: { id: string } } }>(
    'grid', 'Resident', [residentId], 'id grid { community { id } }',
  );
  if (!resident) throw notFound(field, 'Resident', residentId);
  return resident.grid.community.id;
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
