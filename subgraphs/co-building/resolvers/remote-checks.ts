import { requireRemoteEntities } from '../../../lib/remote-entities';
import { checkId } from '../domain/record-lookup';

/** The grid subgraph must know the community before anything is stored against it. */
export async function requireCommunity(communityId: string, field: string): Promise<void> {
  checkId(communityId, field, 'Community');
  await requireRemoteEntities('grid', 'Community', [communityId], field);
}

export async function requireResident(residentId: string, field: string): Promise<void> {
  checkId(residentId, field, 'Resident');
  await requireRemoteEntities('grid', 'Resident', [residentId], field);
}

export async function requirePartyOrganization(organizationId: string, field: string): Promise<void> {
  checkId(organizationId, field, 'PartyOrganization');
  await requireRemoteEntities('party-building', 'PartyOrganization', [organizationId], field);
}
