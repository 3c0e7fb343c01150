import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { Building } from '../grid/building.entity';
import { Household } from '../household/household.entity';
import { RecordChange } from './record-change.entity';
import { RecordType } from '../shared/enums';
import { Resident } from '../resident/resident.entity';
import type { GridContext } from '../context';
import { RecordChangeConnection } from '../shared/connections';
import { recordChangesOf } from './record-change.service';

/**
 * 人、房、户 change logs: who changed which fields of a record, and when (never the values).
 * A log is read by whoever may read its record; the records' own `changes` fields are reached
 * only through records already in scope.
 */
@Resolver(() => RecordChange)
export class RecordChangeResolver {
  @Query(() => RecordChangeConnection, { description: '人、房、户信息变更记录（人、户的记录仅限辖区内）' })
  async recordChanges(
    @Ctx() ctx: GridContext,
    @Arg('entityType', () => RecordType) entityType: RecordType,
    @Arg('entityId', () => ID) entityId: string,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordChangeConnection> {
    return new RecordChangeConnection(await recordChangesOf(ctx, entityType, entityId, page, info));
  }
}

function changesOf(id: string, ctx: GridContext, page: PageArgs) {
  return ctx.loaders.changesOfRecord(id, page).then((result) => new RecordChangeConnection(result));
}

@Resolver(() => Resident)
export class ResidentChangesResolver {
  @FieldResolver(() => RecordChangeConnection, { description: '变更记录' })
  changes(@Root() resident: Resident, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return changesOf(resident.id, ctx, page);
  }
}

@Resolver(() => Household)
export class HouseholdChangesResolver {
  @FieldResolver(() => RecordChangeConnection, { description: '变更记录' })
  changes(@Root() household: Household, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return changesOf(household.id, ctx, page);
  }
}

@Resolver(() => Building)
export class BuildingChangesResolver {
  @FieldResolver(() => RecordChangeConnection, { description: '变更记录' })
  changes(@Root() building: Building, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return changesOf(building.id, ctx, page);
  }
}
