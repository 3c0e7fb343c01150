import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedServicesDemo } from './demo-data';
import { createServicesLoaders, type ServicesLoaders } from './context';
import { buildServicesSchema } from './schema';
import { AdmissionRequest } from './admission/admission-request.entity';
import { ItemAssignment } from './admission/item-assignment.entity';
import { CaseEvent } from './case/case-event.entity';
import { CaseExtension } from './case/case-extension.entity';
import { ServiceCase } from './case/case.entity';
import { SupervisionNotice } from './case/supervision-notice.entity';
import { CaseIndicatorMonth } from './indicators/case-indicator-month.entity';
import { ServiceItemVersion } from './item/item-version.entity';
import { ServiceItem } from './item/item.entity';

/** 事项清单与诉求 — civil affairs and the governance service centre's service. */
export const servicesSubgraph: SubgraphDefinition<ServicesLoaders> = {
  name: 'services',
  entities: [
    ServiceItem,
    ServiceItemVersion,
    AdmissionRequest,
    ItemAssignment,
    ServiceCase,
    CaseEvent,
    CaseExtension,
    SupervisionNotice,
    CaseIndicatorMonth,
  ],
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildServicesSchema,
  createLoaders: createServicesLoaders,
  seedDemo: seedServicesDemo,
  appendOnlyTables: ['case_event'],
};

if (require.main === module) runStandalone(servicesSubgraph);
