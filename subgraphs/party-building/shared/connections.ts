import { ObjectType } from 'type-graphql';
import { Connection, endCursorOf, decodeCursor, pageSize, type Page, type PageArgs } from '../../../lib/pagination';
import { badInput } from '../../../lib/errors';
import { PartyMember } from '../member/member.entity';
import { PartyOrganization } from '../organization/organization.entity';
import { BuildingReference, GridReference } from './references';

/** One page type per list of the party-building subgraph (Relay connections). */
@ObjectType()
export class PartyOrganizationConnection extends Connection(PartyOrganization) {}
@ObjectType()
export class PartyMemberConnection extends Connection(PartyMember) {}
@ObjectType({ description: '未建网格党支部的网格' })
export class UncoveredGridConnection extends Connection(GridReference, 'UncoveredGrid', {
  nodesOfAnotherService: true,
}) {}
@ObjectType({ description: '未建楼栋党小组的楼栋' })
export class UncoveredBuildingConnection extends Connection(BuildingReference, 'UncoveredBuilding', {
  nodesOfAnotherService: true,
}) {}

/** A page over ids computed in memory (a figure over the caller's own list), in the caller's order. */
export function pageOfIds(ids: string[], args: PageArgs): Page<{ id: string }> {
  const limit = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const index = ids.indexOf(decodeCursor(args.after));
    if (index < 0) throw badInput('after', 'after is not a cursor of this list');
    start = index + 1;
  }
  const nodes = ids.slice(start, start + limit).map((id) => ({ id }));
  return {
    nodes,
    pageInfo: { hasNextPage: start + limit < ids.length, endCursor: endCursorOf(nodes) },
    countTotal: async () => ids.length,
  };
}
