import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict, demoId } from '../../lib/demo-district';
import { OrganizationLevel, PartyOrganization } from './entities/party-organization';

/** Street working committees, community committees and branches on the first four demo grids. */
export async function seedPartyDemo(em: EntityManager): Promise<void> {
  const d = demoDistrict();
  const rows: Array<Record<string, unknown>> = [];
  d.streets.forEach((street, i) => rows.push({
    id: demoId(101, i + 1), name: `${street.name}党工委`, level: OrganizationLevel.STREET_WORKING_COMMITTEE,
    parent: null, streetId: street.id, gridIds: [],
  }));
  d.communities.forEach((community, i) => rows.push({
    id: demoId(102, i + 1), name: `${community.name}党委`, level: OrganizationLevel.COMMUNITY_COMMITTEE,
    parent: demoId(101, d.streets.findIndex((s) => s.id === community.streetId) + 1), communityId: community.id, gridIds: [],
  }));
  d.grids.slice(0, 4).forEach((grid, i) => rows.push({
    id: demoId(103, i + 1), name: `${grid.name}党支部`, level: OrganizationLevel.GRID_BRANCH,
    parent: demoId(102, d.communities.findIndex((c) => c.id === grid.communityId) + 1), gridIds: [grid.id],
  }));
  await em.insertMany(PartyOrganization, rows.map((row) => ({ streetId: null, communityId: null, createdAt: new Date('2026-01-01T00:00:00Z'), ...row })) as any);
}
