import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict, demoId } from '../../lib/demo-district';
import { itemAt } from '../../lib/lists';
import { Demand } from './project/demand.entity';
import { Pairing } from './unit/pairing.entity';
import { Resource } from './project/resource.entity';
import { ServiceCategory } from './service-post/service-category.entity';
import { ServicePost } from './service-post/service-post.entity';
import { Unit, UnitKind } from './unit/unit.entity';

/**
 * The categories of service posts the 寿光 article names (it counts 7 categories and 37
 * subcategories, and names two of them: 政策宣传, 民事调解); a district adds the rest with
 * createServiceCategory.
 */
export const NAMED_CATEGORIES = ['政策宣传', '民事调解'];

/**
 * Three units; 东城社区 pairs with two of them, 文家社区 with one (寿光's 单位报到); the named
 * post categories; two posts, a demand and a resource in 东城社区.
 */
export async function seedCoBuildingDemo(em: EntityManager): Promise<void> {
  const d = demoDistrict();
  const at = new Date('2026-01-01T00:00:00Z');
  const units = [
    { id: demoId(301, 1), code: '11370783MB0001', name: '寿光市税务局', kind: UnitKind.PARTY_GOV_ORGAN, createdAt: at },
    { id: demoId(301, 2), code: '12370783MB0002', name: '寿光市人民医院', kind: UnitKind.HOSPITAL, createdAt: at },
    { id: demoId(301, 3), code: '91370783MA0003', name: '圣城农商银行', kind: UnitKind.FINANCIAL, createdAt: at },
  ];
  const instructors = ['王建国', '李秀英', '张志强'];
  const firstCommunity = itemAt(d.communities, 0);
  await em.transactional(async (tx) => {
    await tx.insertMany(
      Unit,
      units.map((unit) => ({ ...unit, partyOrganizationId: null })),
    );
    const pairs: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [2, 2],
    ];
    await tx.insertMany(
      Pairing,
      pairs.map(([u, c], i) => {
        const unit = itemAt(units, u);
        const community = itemAt(d.communities, c);
        return {
          id: demoId(302, i + 1),
          unit: unit.id,
          communityId: community.id,
          startedOn: '2026-01-01',
          endedOn: null,
          agreement: `${unit.name}与${community.name}结对共建协议：每季度共同开展一次为民服务活动`,
          instructorName: itemAt(instructors, u),
          status: 'ACTIVE',
        };
      }) as any,
    );
    await tx.insertMany(
      ServiceCategory,
      NAMED_CATEGORIES.map((name, i) => ({ id: demoId(303, i + 1), name, parent: null, createdAt: at })) as any,
    );
    await tx.insertMany(ServicePost, [
      {
        id: demoId(304, 1),
        communityId: firstCommunity.id,
        category: demoId(303, 1),
        name: '政策宣传岗',
        description: '在小区宣讲惠民政策',
        capacity: 3,
        createdAt: at,
      },
      {
        id: demoId(304, 2),
        communityId: firstCommunity.id,
        category: demoId(303, 2),
        name: '邻里纠纷调解岗',
        description: null,
        capacity: null,
        createdAt: at,
      },
    ] as any);
    await tx.insert(Demand, {
      id: demoId(305, 1),
      communityId: firstCommunity.id,
      title: '老旧小区楼道照明改造',
      description: null,
      createdAt: at,
    });
    await tx.insert(Resource, {
      id: demoId(306, 1),
      communityId: firstCommunity.id,
      title: '税务局党员志愿服务队',
      description: null,
      providerUnit: itemAt(units, 0).id,
      createdAt: at,
    } as any);
  });
}
