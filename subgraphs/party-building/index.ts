import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedPartyDemo } from './demo-data';
import { PersonalDataAccess } from '../../lib/audit/personal-data-access';
import { CommitteeSeat } from './organization/committee-seat.entity';
import { MembershipPeriod } from './member/membership-period.entity';
import { OrganizationChange } from './organization/organization-change.entity';
import { PartyMember } from './member/member.entity';
import { PartyOrganization } from './organization/organization.entity';
import { PartyRole } from './member/party-role.entity';
import { createPartyLoaders, type PartyLoaders } from './context';
import { buildPartySchema } from './schema';

export const PARTY_ENTITIES = [
  PersonalDataAccess,
  PartyOrganization,
  OrganizationChange,
  CommitteeSeat,
  PartyMember,
  MembershipPeriod,
  PartyRole,
];

/** 党建 — the organisation department's service. */
export const partyBuildingSubgraph: SubgraphDefinition<PartyLoaders> = {
  name: 'party-building',
  entities: PARTY_ENTITIES,
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildPartySchema,
  createLoaders: createPartyLoaders,
  seedDemo: seedPartyDemo,
  appendOnlyTables: ['personal_data_access'],
};

if (require.main === module) runStandalone(partyBuildingSubgraph);
