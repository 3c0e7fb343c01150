import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CommunityReference } from '../shared/references';
import { admittedItems } from './admission.service';
import { ItemAssignment } from './item-assignment.entity';

/** The admitted items the service centre adds to the grid subgraph's Community; nullable (see case/case-grid.resolver.ts). */
@Resolver(() => CommunityReference)
export class AdmissionCommunityResolver {
  @FieldResolver(() => [ItemAssignment], { nullable: true, description: '经准入配置到本社区全部网格的事项' })
  admittedItems(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext) {
    return admittedItems(ctx, 'assignmentsOfCommunity', community.id);
  }
}
