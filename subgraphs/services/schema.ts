import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { CommunityReference, GridReference, ResidentReference, StreetReference } from './shared/references';
import { AdmissionResolver, ItemAssignmentResolver } from './admission/admission.resolver';
import { CASE_REFERENCE } from './case/case.reference';
import { CaseExtensionResolver, CaseResolver, SupervisionNoticeResolver } from './case/case.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { ITEM_REFERENCE } from './item/item.reference';
import { ServiceItemResolver } from './item/item.resolver';
// Fields added to other departments' types: the order of these imports is the order of those
// fields in the printed schema, so it is kept.
import { ItemGridResolver } from './item/item-grid.resolver';
import { AdmissionGridResolver } from './admission/admission-grid.resolver';
import { AdmissionCommunityResolver } from './admission/admission-community.resolver';
import { CaseGridResolver } from './case/case-grid.resolver';
import { CaseCommunityResolver } from './case/case-community.resolver';
import { CaseResidentResolver } from './case/case-resident.resolver';
import { IndicatorsGridResolver } from './indicators/indicators-grid.resolver';
import { IndicatorsCommunityResolver } from './indicators/indicators-community.resolver';

export const SERVICES_RESOLVERS: NonEmptyArray<Function> = [
  ServiceItemResolver,
  AdmissionResolver,
  ItemAssignmentResolver,
  CaseResolver,
  CaseExtensionResolver,
  SupervisionNoticeResolver,
  IndicatorsResolver,
  ItemGridResolver,
  AdmissionGridResolver,
  AdmissionCommunityResolver,
  CaseGridResolver,
  CaseCommunityResolver,
  CaseResidentResolver,
  IndicatorsGridResolver,
  IndicatorsCommunityResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader,
 * and a reference the viewer may not see resolves to null: an item for a caller without a
 * token, a case outside the viewer's cases (access.ts).
 */
export const SERVICES_REFERENCES: ReferenceResolvers = {
  ...ITEM_REFERENCE,
  ...CASE_REFERENCE,
};

export async function buildServicesSchema() {
  const schema = await buildFederatedSchema(
    {
      resolvers: SERVICES_RESOLVERS,
      orphanedTypes: [GridReference, CommunityReference, ResidentReference, StreetReference],
    },
    SERVICES_REFERENCES,
  );
  return requireSignInOnRootFields(schema, []);
}
