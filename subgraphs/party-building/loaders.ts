import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import type { SubgraphContext } from '../../lib/subgraph-server';
import { OrganizationLevel, PartyOrganization } from './entities/party-organization';

export function createPartyLoaders(em: EntityManager) {
  return {
    organization: byIdLoader(em, PartyOrganization),
    /** Grid branches covering each grid, one `&&` (array overlap) query per batch. */
    branchesOfGrid: new DataLoader<string, PartyOrganization[]>(async (gridIds) => {
      const valid = gridIds.filter(isId);
      const rows = valid.length
        ? await em.find(PartyOrganization, { level: OrganizationLevel.GRID_BRANCH, gridIds: { $overlap: valid } }, { orderBy: { id: 'asc' } })
        : [];
      return gridIds.map((id) => rows.filter((row) => row.gridIds.includes(id)));
    }),
  };
}

export type PartyLoaders = ReturnType<typeof createPartyLoaders>;
export type PartyContext = SubgraphContext<PartyLoaders>;
