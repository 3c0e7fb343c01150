import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { refuseRecord, revealPersonal, type MaskedField } from '../../../lib/personal-data';
import { canSeeMember, memberConditions, memberPlaceOf, personalValuesInScope, requireSignedIn } from '../access';
import { GridReference, MembershipPeriod, PartyMember, PartyMemberKind, PartyOrganization, PartyRole, ref, ResidentReference } from '../entities';
import type { PartyContext } from '../context';
import { createMember, transferMember, updateMember } from '../operations/members';
import { authorizeChange } from '../access';
import { PartyMemberConnection } from '../shared/connections';

/** A personal field of a member: masked, in full with a purpose in scope, or refused (both recorded). */
async function personal(ctx: PartyContext, member: PartyMember, field: MaskedField): Promise<string | null> {
  const inScope = personalValuesInScope(await ctx.loaders.scope.memberScope(), memberPlaceOf(member));
  return revealPersonal(ctx.viewer, ctx.loaders.accessLog, { type: 'PartyMember', id: member.id, inScope }, field, member[field]);
}

@InputType({ description: '登记党员。关联居民（residentId）时，姓名可省略（取居民姓名），居住网格从网格系统读取' })
class CreatePartyMemberInput {
  @Field({ nullable: true, description: '姓名' }) name?: string;
  @Field(() => PartyMemberKind) kind!: PartyMemberKind;
  @Field(() => ID, { description: '组织关系所在党组织（街道党工委、社区党委或网格党支部）' }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: '网格系统中的居民' }) residentId?: string;
  @Field({ nullable: true, description: '工作单位（在职党员必填）' }) workUnitName?: string;
  @Field({ nullable: true, description: '亮身份' }) showsIdentityPublicly?: boolean;
  @Field({ nullable: true, description: '入党日期 YYYY-MM-DD' }) joinedOn?: string;
  @Field({ nullable: true, description: '身份证号' }) idNumber?: string;
  @Field({ nullable: true, description: '手机号' }) phone?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '修改党员信息；省略的字段不变，residentId 传 null 解除关联，再次给出 residentId 会重新读取居住网格' })
class UpdatePartyMemberInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => PartyMemberKind, { nullable: true }) kind?: PartyMemberKind;
  @Field(() => ID, { nullable: true }) residentId?: string;
  @Field(() => String, { nullable: true }) workUnitName?: string | null;
  @Field({ nullable: true }) showsIdentityPublicly?: boolean;
  @Field(() => String, { nullable: true }) joinedOn?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: '组织关系转接' })
class TransferPartyMemberInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { description: '转入的党组织' }) toOrganizationId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
class MemberFilter extends PageArgs {
  @Field(() => PartyMemberKind, { nullable: true }) kind?: PartyMemberKind;
  @Field(() => ID, { nullable: true, description: '组织关系所在党组织' }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: '居住网格' }) gridId?: string;
  @Field({ nullable: true, description: '是否亮身份' }) showsIdentityPublicly?: boolean;
}

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @Query(() => PartyMember, { nullable: true, description: '按 id 查党员' })
  async partyMember(@Ctx() ctx: PartyContext, @Arg('id', () => ID) id: string) {
    requireSignedIn(ctx.viewer, 'reading Party members');
    const [member, scope] = await Promise.all([ctx.loaders.member.load(id), ctx.loaders.scope.memberScope()]);
    if (member && !canSeeMember(scope, memberPlaceOf(member))) return refuseRecord(ctx.viewer, ctx.loaders.accessLog, 'PartyMember', id, 'id');
    return member;
  }

  @Query(() => PartyMemberConnection, { description: '党员列表，可按类别、党组织、居住网格、是否亮身份筛选' })
  async partyMembers(@Ctx() ctx: PartyContext, @Args() filter: MemberFilter, @Info() info: GraphQLResolveInfo): Promise<PartyMemberConnection> {
    requireSignedIn(ctx.viewer, 'reading Party members');
    checkIdArguments({ organizationId: filter.organizationId, gridId: filter.gridId });
    // The viewer's scope narrows the list in SQL, so the page and its totalCount hold only what the viewer sees.
    const scope = await ctx.loaders.scope.memberScope();
    return new PartyMemberConnection(await paginate(ctx.em, PartyMember, (parameter) => [
      ...equalTo(parameter, {
        kind: filter.kind, organization_id: filter.organizationId, home_grid_id: filter.gridId, shows_identity_publicly: filter.showsIdentityPublicly,
      }),
      ...memberConditions(scope, parameter),
    ], filter, info));
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
    return personal(ctx, member, 'idNumber');
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号（个人信息，按权限脱敏）' })
  phone(@Root() member: PartyMember, @Ctx() ctx: PartyContext) {
    return personal(ctx, member, 'phone');
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
  async createPartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: CreatePartyMemberInput): Promise<PartyMember> {
    await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'registering a Party member', () => [{ organizationId: input.organizationId, field: 'input.organizationId' }]);
    return ctx.em.transactional((em) => createMember(em, input));
  }

  @Mutation(() => PartyMember, { description: '修改党员信息' })
  async updatePartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: UpdatePartyMemberInput): Promise<PartyMember> {
    await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'changing a Party member', async () => {
      const member = await ctx.loaders.member.load(input.id);
      return [member && { organizationId: member.organization.id, field: 'input.id' }];
    });
    return ctx.em.transactional((em) => updateMember(em, input));
  }

  @Mutation(() => PartyMember, { description: '组织关系转接（保留历史）' })
  async transferPartyMember(@Ctx() ctx: PartyContext, @Arg('input') input: TransferPartyMemberInput): Promise<PartyMember> {
    await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'transferring a Party membership', async () => {
      const member = await ctx.loaders.member.load(input.memberId);
      return [
        member && { organizationId: member.organization.id, field: 'input.memberId' },
        { organizationId: input.toOrganizationId, field: 'input.toOrganizationId' },
      ];
    });
    return ctx.em.transactional((em) => transferMember(em, input));
  }
}
