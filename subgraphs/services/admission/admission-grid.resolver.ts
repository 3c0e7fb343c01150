import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { GridReference } from '../shared/references';
import { admittedItems } from './admission.service';
import { ItemAssignment } from './item-assignment.entity';

/** The admitted items the service centre adds to the grid subgraph's Grid; nullable (see case/case-grid.resolver.ts). */
@Resolver(() => GridReference)
export class AdmissionGridResolver {
  @FieldResolver(() => [ItemAssignment], {
    nullable: true,
    description: '经准入配置到本网格的事项（配置到整个社区的见 Community.admittedItems）',
  })
  admittedItems(@Root() grid: GridReference, @Ctx() ctx: ServicesContext) {
    return admittedItems(ctx, 'assignmentsOfGrid', grid.id);
  }
}
