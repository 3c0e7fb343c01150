import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { Pairing } from './pairing.entity';
import { CreatePairingInput, EndPairingInput } from './unit.inputs';
import { Unit } from './unit.entity';
import { createPairing, endPairing } from './unit.service';

@Resolver(() => Pairing)
export class PairingResolver {
  @FieldResolver(() => Unit)
  unit(@Root() pairing: Pairing, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unit.load(pairing.unit.id);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true, description: '共建社区' })
  community(@Root() pairing: Pairing) {
    return { id: pairing.communityId };
  }

  @Mutation(() => Pairing, { description: '单位到社区报到，结对共建' })
  createPairing(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreatePairingInput): Promise<Pairing> {
    return createPairing(ctx, input);
  }

  @Mutation(() => Pairing, { description: '结束结对共建' })
  endPairing(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndPairingInput): Promise<Pairing> {
    return endPairing(ctx, input);
  }
}
