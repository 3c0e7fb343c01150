import { PersonalDataAccess } from '../../../lib/audit/personal-data-access';
import { CommitteeSeat } from './committee-seat';
import { MembershipPeriod } from './membership-period';
import { OrganizationChange } from './organization-change';
import { PartyMember } from './party-member';
import { PartyOrganization } from './party-organization';
import { PartyRole } from './party-role';

export { CommitteeSeat, MembershipPeriod, OrganizationChange, PartyMember, PartyOrganization, PartyRole };
export * from './enums';
export * from './references';

export const PARTY_ENTITIES = [
  PersonalDataAccess,PartyOrganization, OrganizationChange, CommitteeSeat, PartyMember, MembershipPeriod, PartyRole];
