import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { PartyContext } from '../context';
import { splitBranch } from './branch-split.service';
import {
  CreatePartyOrganizationInput,
  DissolvePartyOrganizationInput,
  MovePartyOrganizationInput,
  SplitGridBranchInput,
  UpdatePartyOrganizationInput,
} from './organization.inputs';
import { createOrganization, updateOrganization } from './organization.service';
import { PartyOrganization } from './organization.entity';
import { dissolveOrganization, moveOrganization } from './reorganisation.service';

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => PartyOrganization, { description: '新建党组织' })
  createPartyOrganization(
    @Ctx() ctx: PartyContext,
    @Arg('input') input: CreatePartyOrganizationInput,
  ): Promise<PartyOrganization> {
    return createOrganization(ctx, input);
  }

  @Mutation(() => PartyOrganization, { description: '修改党组织' })
  updatePartyOrganization(
    @Ctx() ctx: PartyContext,
    @Arg('input') input: UpdatePartyOrganizationInput,
  ): Promise<PartyOrganization> {
    return updateOrganization(ctx, input);
  }

  @Mutation(() => PartyOrganization, { description: '调整党组织隶属（保留历史）' })
  movePartyOrganization(
    @Ctx() ctx: PartyContext,
    @Arg('input') input: MovePartyOrganizationInput,
  ): Promise<PartyOrganization> {
    return moveOrganization(ctx, input);
  }

  @Mutation(() => [PartyOrganization], { description: '拆分网格党支部，返回新支部' })
  splitGridBranch(@Ctx() ctx: PartyContext, @Arg('input') input: SplitGridBranchInput): Promise<PartyOrganization[]> {
    return splitBranch(ctx, input);
  }

  @Mutation(() => PartyOrganization, { description: '撤销党组织（状态 DISSOLVED，不删除）' })
  dissolvePartyOrganization(
    @Ctx() ctx: PartyContext,
    @Arg('input') input: DissolvePartyOrganizationInput,
  ): Promise<PartyOrganization> {
    return dissolveOrganization(ctx, input);
  }
}
