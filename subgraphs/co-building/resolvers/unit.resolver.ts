import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Unit } from '../entities/unit';
import type { CoBuildingContext } from '../loaders';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: '按 id 查共建单位' })
  unit(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.unit.load(id);
  }
}
