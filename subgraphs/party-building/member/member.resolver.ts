import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { PartyOrganization } from '../organization/organization.entity';
import { PartyMemberConnection } from '../shared/connections';
import { GridReference, ref, ResidentReference } from '../shared/references';
import {
  CreatePartyMemberInput,
  MemberFilter,
  TransferPartyMemberInput,
  UpdatePartyMemberInput,
} from './member.inputs';
import { PartyMember } from './member.entity';
import { findMember, personalValue, searchMembers } from './member-query.service';
import { createMember, transferMember, updateMember } from './member.service';
import { MembershipPeriod } from './membership-period.entity';
import { PartyRole } from './party-role.entity';

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @Query(() => PartyMember, { nullable: true, description: '按 id 查党员' })
  partyMember(@Ctx() ctx: PartyContext, @Arg('id', () => ID) id: string) {
    return findMember(ctx, id);
  }

  @Query(() => PartyMemberConnection, { description: '党员列表，可按类别、党组织、居住网格、是否亮身份筛选' })
  async partyMembers(
    @Ctx() ctx: PartyContext,
    @Args() filter: MemberFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartyMemberConnection> {
    return new PartyMemberConnection(await searchMembers(ctx, filter, info));
  }

  @FieldResolver(() => PartyOrganization, { description: '组织关系所在党组织' })
  organization(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return ctx.loaders.organization.load(member.organization.id);
  }

  @FieldResolver(() => ResidentReference, { nullable: true, description: '网格系统中的居民记录' })
  resident(@Root() member: PartyMember) {
    return ref(member.residentId);
  }

  @FieldResolver(() => GridReference, { nullable: true, description: '居住网格（关联居民时从网格系统读取）' })
  homeGrid(@Root() member: PartyMember) {
    return ref(member.homeGridId);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号（个人信息，按权限脱敏）' })
  idNumber(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return personalValue(ctx, member, 'idNumber');
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号（个人信息，按权限脱敏）' })
  phone(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return personalValue(ctx, member, 'phone');
  }

  @FieldResolver(() => [PartyRole], { description: '党内职务（含已卸任的）' })
  roles(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return ctx.loaders.rolesOfMember.load(member.id);
  }

  @FieldResolver(() => [MembershipPeriod], { description: '组织关系转接历史' })
  membershipHistory(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return ctx.loaders.periodsOfMember.load(member.id);
  }

  @Mutation(() => PartyMember, { description: '登记党员' })
  createPartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: CreatePartyMemberInput): Promise<PartyMember> {
    return createMember(ctx, input);
  }

  @Mutation(() => PartyMember, { description: '修改党员信息' })
  updatePartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: UpdatePartyMemberInput): Promise<PartyMember> {
    return updateMember(ctx, input);
  }

  @Mutation(() => PartyMember, { description: '组织关系转接（保留历史）' })
  transferPartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: TransferPartyMemberInput): Promise<PartyMember> {
    return transferMember(ctx, input);
  }
}
