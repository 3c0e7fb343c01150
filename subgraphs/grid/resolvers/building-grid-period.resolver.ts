import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BuildingGridPeriod, Grid } from '../entities';
import type { GridContext } from '../loaders';

@Resolver(() => BuildingGridPeriod)
export class BuildingGridPeriodResolver {
  @FieldResolver(() => Grid, { description: '该时段所属网格' })
  grid(@Root() period: BuildingGridPeriod, @Ctx() ctx: GridContext) {
    return ctx.loaders.grid.load(period.grid.id);
  }
}
