import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../lib/ids';
import { byIdLoader } from '../../lib/loaders';
import type { SubgraphContext } from '../../lib/subgraph-server';
import { Pairing } from './entities/pairing';
import { Unit } from './entities/unit';

export function createCoBuildingLoaders(em: EntityManager) {
  return {
    unit: byIdLoader(em, Unit),
    /** Units currently paired with each community, one query per batch. */
    unitsOfCommunity: new DataLoader<string, Unit[]>(async (communityIds) => {
      const valid = communityIds.filter(isId);
      const pairings = valid.length
        ? await em.find(Pairing, { communityId: { $in: valid }, endedOn: null }, { populate: ['unit'], orderBy: { unit: { name: 'asc' } } })
        : [];
      return communityIds.map((id) => pairings.filter((p) => p.communityId === id).map((p) => p.unit));
    }),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createCoBuildingLoaders>;
export type CoBuildingContext = SubgraphContext<CoBuildingLoaders>;
