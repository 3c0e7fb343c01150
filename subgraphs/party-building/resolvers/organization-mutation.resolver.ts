import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { OrganizationLevel, PartyOrganization } from '../entities';
import type { PartyContext } from '../loaders';
import { splitBranch } from '../operations/branch-split';
import { createOrganization, dissolveOrganization, moveOrganization, updateOrganization } from '../operations/organizations';
import { actorOf } from './actor';
import { authorizeChange } from './authorize';

@InputType({ description: '新建党组织。按层级给出覆盖对象：街道党工委 streetId、社区党委 communityId、网格党支部 gridIds、楼栋党小组 buildingIds、党员中心户 householdId' })
class CreatePartyOrganizationInput {
  @Field({ description: '组织名称' }) name!: string;
  @Field(() => OrganizationLevel) level!: OrganizationLevel;
  @Field(() => ID, { nullable: true, description: '上级党组织（须恰好高一级；街道党工委无上级）' }) parentId?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => [ID], { nullable: true }) gridIds?: string[];
  @Field(() => [ID], { nullable: true }) buildingIds?: string[];
  @Field(() => ID, { nullable: true }) householdId?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '修改党组织名称或覆盖范围；省略的字段不变（调整隶属用 movePartyOrganization）' })
class UpdatePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => [ID], { nullable: true }) gridIds?: string[];
  @Field(() => [ID], { nullable: true }) buildingIds?: string[];
  @Field(() => ID, { nullable: true }) householdId?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '调整隶属：把党组织（连同其下级）挂到另一个上级' })
class MovePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '新的上级党组织' }) parentId!: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '拆分后的一个新网格党支部' })
class SplitBranchPartInput {
  @Field() name!: string;
  @Field(() => [ID], { description: '新支部覆盖的网格' }) gridIds!: string[];
  @Field(() => [ID], { nullable: true, description: '归入本支部的楼栋党小组；省略时按楼栋所在网格归入' }) childIds?: string[];
  @Field(() => [ID], { nullable: true, description: '转入本支部的党员；省略时按居住网格归入' }) memberIds?: string[];
}

@InputType({ description: '网格拆分时拆分网格党支部：原支部撤销，党小组和党员归入新支部' })
class SplitGridBranchInput {
  @Field(() => ID) branchId!: string;
  @Field(() => [SplitBranchPartInput]) parts!: SplitBranchPartInput[];
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '撤销党组织（须先移走下级组织、转出党员）；记录保留' })
class DissolvePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) note?: string;
}

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => PartyOrganization, { description: '新建党组织' })
  async createPartyOrganization(@Ctx() ctx: PartyContext, @Arg('input') input: CreatePartyOrganizationInput): Promise<PartyOrganization> {
    await authorizeChange(ctx, 'creating a Party organisation', () => [{ organizationId: input.parentId ?? null, field: 'input.parentId' }]);
    return ctx.em.transactional((em) => createOrganization(em, input, actorOf(ctx)));
  }

  @Mutation(() => PartyOrganization, { description: '修改党组织' })
  async updatePartyOrganization(@Ctx() ctx: PartyContext, @Arg('input') input: UpdatePartyOrganizationInput): Promise<PartyOrganization> {
    await authorizeChange(ctx, 'changing a Party organisation', () => [{ organizationId: input.id, field: 'input.id' }]);
    return ctx.em.transactional((em) => updateOrganization(em, input, actorOf(ctx)));
  }

  @Mutation(() => PartyOrganization, { description: '调整党组织隶属（保留历史）' })
  async movePartyOrganization(@Ctx() ctx: PartyContext, @Arg('input') input: MovePartyOrganizationInput): Promise<PartyOrganization> {
    await authorizeChange(ctx, 'moving a Party organisation', () => [
      { organizationId: input.id, field: 'input.id', below: true },
      { organizationId: input.parentId, field: 'input.parentId' },
    ]);
    return ctx.em.transactional((em) => moveOrganization(em, input, actorOf(ctx)));
  }

  @Mutation(() => [PartyOrganization], { description: '拆分网格党支部，返回新支部' })
  async splitGridBranch(@Ctx() ctx: PartyContext, @Arg('input') input: SplitGridBranchInput): Promise<PartyOrganization[]> {
    await authorizeChange(ctx, 'splitting a grid branch', () => [{ organizationId: input.branchId, field: 'input.branchId', below: true }]);
    return ctx.em.transactional((em) => splitBranch(em, input, actorOf(ctx)));
  }

  @Mutation(() => PartyOrganization, { description: '撤销党组织（状态 DISSOLVED，不删除）' })
  async dissolvePartyOrganization(@Ctx() ctx: PartyContext, @Arg('input') input: DissolvePartyOrganizationInput): Promise<PartyOrganization> {
    await authorizeChange(ctx, 'dissolving a Party organisation', () => [{ organizationId: input.id, field: 'input.id', below: true }]);
    return ctx.em.transactional((em) => dissolveOrganization(em, input, actorOf(ctx)));
  }
}
