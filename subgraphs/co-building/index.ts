import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedCoBuildingDemo } from './demo-data';
import { Demand } from './project/demand.entity';
import { DistrictSetting } from './member-report/district-setting.entity';
import { Evaluation } from './evaluation/evaluation.entity';
import { MemberReport } from './member-report/member-report.entity';
import { Pairing } from './unit/pairing.entity';
import { Pledge } from './member-report/pledge.entity';
import { Project } from './project/project.entity';
import { Resource } from './project/resource.entity';
import { ServiceCategory } from './service-post/service-category.entity';
import { ServicePost } from './service-post/service-post.entity';
import { Unit } from './unit/unit.entity';
import { Wish } from './wish/wish.entity';
import { createCoBuildingLoaders, type CoBuildingLoaders } from './context';
import { buildCoBuildingSchema } from './schema';

/** 共建共治与双报到 — the organs' working committee's service. */
export const coBuildingSubgraph: SubgraphDefinition<CoBuildingLoaders> = {
  name: 'co-building',
  entities: [
    Unit,
    Pairing,
    MemberReport,
    ServiceCategory,
    ServicePost,
    Pledge,
    Wish,
    Demand,
    Resource,
    Project,
    Evaluation,
    DistrictSetting,
  ],
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildCoBuildingSchema,
  createLoaders: createCoBuildingLoaders,
  seedDemo: seedCoBuildingDemo,
};

if (require.main === module) runStandalone(coBuildingSubgraph);
