import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../../lib/ids';
import { byIdLoader, childrenLoader } from '../../../lib/loaders';
import { memberWhere } from '../access';
import type { ViewerScope } from '../context';
import { PartyRoleKind } from '../shared/enums';
import { PartyRole } from './party-role.entity';
import { today } from './term.rules';

const ROLE_ORDER = [PartyRoleKind.SECRETARY, PartyRoleKind.DEPUTY_SECRETARY, PartyRoleKind.COMMITTEE_MEMBER];

export function createPartyRoleLoaders(em: EntityManager, scope: ViewerScope) {
  return {
    role: byIdLoader(em, PartyRole),
    rolesOfMember: childrenLoader(em, PartyRole, 'member', { termStart: 'asc', id: 'asc' }),
    // Offices are part of their holders' records: only those of members the viewer sees.
    rolesInOffice: new DataLoader<string, PartyRole[]>(async (ids) => {
      const valid = ids.filter(isId);
      const day = today();
      const holders = memberWhere(await scope.memberScope());
      const rows = valid.length
        ? await em.find(
            PartyRole,
            {
              organization: { $in: valid },
              ...(holders ? { member: holders } : {}),
              termStart: { $lte: day },
              $and: [
                { $or: [{ endedOn: null }, { endedOn: { $gt: day } }] },
                { $or: [{ termEnd: null }, { termEnd: { $gte: day } }] },
              ],
            },
            { orderBy: { termStart: 'asc', id: 'asc' } },
          )
        : [];
      rows.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
      return ids.map((id) => rows.filter((row) => row.organization.id === id));
    }),
  };
}
