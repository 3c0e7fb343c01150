import { PersonalDataAccess } from '../../../lib/audit/personal-data-access';
import { CommitteeSeat } from '../organization/committee-seat.entity';
import { MembershipPeriod } from './membership-period';
import { OrganizationChange } from '../organization/organization-change.entity';
import { PartyMember } from './party-member';
import { PartyOrganization } from '../organization/organization.entity';
import { PartyRole } from './party-role';

export { CommitteeSeat, MembershipPeriod, OrganizationChange, PartyMember, PartyOrganization, PartyRole };
export * from '../shared/enums';
export * from '../shared/references';

export const PARTY_ENTITIES = [
  PersonalDataAccess,PartyOrganization, OrganizationChange, CommitteeSeat, PartyMember, MembershipPeriod, PartyRole];
