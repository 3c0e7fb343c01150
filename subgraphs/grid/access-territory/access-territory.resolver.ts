import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { GridContext } from '../context';
import { accessTerritoryOf } from './access-territory.service';

/** The streets, communities and grids a territorial caller works in. */
@ObjectType({ description: '访问辖区（网关内部使用）' })
export class AccessTerritory {
  @Field(() => [ID]) streetIds!: string[];
  @Field(() => [ID]) communityIds!: string[];
  @Field(() => [ID]) gridIds!: string[];
}

/**
 * The gateway asks once per caller (and caches) which grids a street's staff, a community's
 * staff or a grid worker covers, so that every subgraph can judge its records by grid,
 * community or street. Hidden from the public graph, and answered only to services.
 */
@Resolver()
export class AccessTerritoryResolver {
  @Query(() => AccessTerritory, {
    nullable: true,
    description: 'null when the street, community or worker does not exist',
  })
  @Directive('@inaccessible')
  async accessTerritory(
    @Arg('streetId', () => ID, { nullable: true }) streetId: string | null,
    @Arg('communityId', () => ID, { nullable: true }) communityId: string | null,
    @Arg('workerId', () => ID, { nullable: true }) workerId: string | null,
    @Ctx() ctx: GridContext,
  ): Promise<AccessTerritory | null> {
    return accessTerritoryOf(ctx, { streetId, communityId, workerId });
  }
}
