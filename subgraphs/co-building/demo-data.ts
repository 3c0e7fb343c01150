import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict, demoId } from '../../lib/demo-district';
import { Pairing } from './entities/pairing';
import { Unit, UnitKind } from './entities/unit';

/** Three units; 东城社区 pairs with two of them, 文家社区 with one (寿光's 单位报到). */
export async function seedCoBuildingDemo(em: EntityManager): Promise<void> {
  const d = demoDistrict();
  const at = new Date('2026-01-01T00:00:00Z');
  const units = [
    { id: demoId(301, 1), code: '11370783MB0001', name: '寿光市税务局', kind: UnitKind.PARTY_GOV_ORGAN, createdAt: at },
    { id: demoId(301, 2), code: '12370783MB0002', name: '寿光市人民医院', kind: UnitKind.HOSPITAL, createdAt: at },
    { id: demoId(301, 3), code: '91370783MA0003', name: '圣城农商银行', kind: UnitKind.FINANCIAL, createdAt: at },
  ];
  await em.insertMany(Unit, units);
  const pairs: Array<[number, number]> = [[0, 0], [1, 0], [2, 2]];
  await em.insertMany(Pairing, pairs.map(([u, c], i) => ({
    id: demoId(302, i + 1), unit: units[u].id, communityId: d.communities[c].id, startedOn: '2026-01-01', endedOn: null,
  })) as any);
}
