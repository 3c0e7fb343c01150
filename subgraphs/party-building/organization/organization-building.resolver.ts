import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { BuildingReference } from '../shared/references';
import { PartyOrganization } from './organization.entity';
import { groupOfBuilding } from './organization-query.service';

/** The grid subgraph's Building: its building group (nullable, like every field added to another service's type). */
@Resolver(() => BuildingReference)
export class BuildingOrganizationResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '本楼栋的楼栋党小组' })
  partyGroup(@Root() building: BuildingReference, @Ctx() ctx: PartyContext) {
    return groupOfBuilding(ctx, building.id);
  }
}
