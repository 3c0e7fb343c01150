import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BuildingGridPeriod } from './building-grid-period.entity';
import { Grid } from './grid.entity';
import type { GridContext } from '../context';

@Resolver(() => BuildingGridPeriod)
export class BuildingGridPeriodResolver {
  @FieldResolver(() => Grid, { description: '该时段所属网格' })
  grid(@Root() period: BuildingGridPeriod, @Ctx() ctx: GridContext) {
    return ctx.loaders.grid.load(period.grid.id);
  }
}
