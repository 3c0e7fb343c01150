import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { paginate } from '../../../lib/pagination';
import { refuseRecord, revealPersonal } from '../../../lib/personal-data';
import { checkCareTagFilter, requirePeopleScope, seesCareTags } from '../access';
import { ageOn } from './resident.rules';
import { createResident, moveResident, updateResident } from './resident.service';
import { CareTag } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import type { GridContext } from '../context';
import { ResidentConnection } from '../shared/connections';
import { CreateResidentInput, MoveResidentInput, ResidentFilter, UpdateResidentInput } from './resident.inputs';
import { residentConditions } from './resident.store';

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => Resident, { nullable: true, description: '按 id 查居民（辖区外的居民：FORBIDDEN，并留下访问记录）' })
  async resident(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string): Promise<Resident | null> {
    const resident = await ctx.loaders.resident.load(id);
    if (resident && !(await ctx.loaders.people.residentVisible(id))) {
      return refuseRecord(ctx.viewer, ctx.loaders.accessLog, 'Resident', id, 'id');
    }
    return resident;
  }

  @Query(() => ResidentConnection, {
    description: '居民列表（仅辖区内），可按街道、社区、网格、楼栋、户、重点人群标签、人口类型、性别筛选',
  })
  async residents(
    @Ctx() ctx: GridContext,
    @Args() filter: ResidentFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ResidentConnection> {
    requirePeopleScope(ctx.viewer, 'residents');
    if (filter.careTags?.length) checkCareTagFilter(ctx.viewer);
    const { streetId, communityId, gridId, buildingId, householdId } = filter;
    checkIdArguments({ streetId, communityId, gridId, buildingId, householdId });
    const { people } = ctx.loaders;
    const page = await paginate(
      ctx.em,
      Resident,
      (parameter) => [...residentConditions(filter, parameter), ...people.residentRows(undefined, parameter)],
      filter,
      info,
    );
    return new ResidentConnection(people.listedResidents(page));
  }

  @FieldResolver(() => String, {
    description: '身份证号（个人信息，脱敏显示；声明用途且在辖区内可见完整值，留访问记录）',
  })
  async idNumber(@Root() resident: Resident, @Ctx() ctx: GridContext) {
    const inScope = await ctx.loaders.people.residentVisible(resident.id);
    return revealPersonal(
      ctx.viewer,
      ctx.loaders.accessLog,
      { type: 'Resident', id: resident.id, inScope },
      'idNumber',
      resident.idNumber,
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '手机号（个人信息，脱敏显示；声明用途且在辖区内可见完整值，留访问记录）',
  })
  async phone(@Root() resident: Resident, @Ctx() ctx: GridContext) {
    const inScope = await ctx.loaders.people.residentVisible(resident.id);
    return revealPersonal(
      ctx.viewer,
      ctx.loaders.accessLog,
      { type: 'Resident', id: resident.id, inScope },
      'phone',
      resident.phone,
    );
  }

  // Care tags say who is old, disabled or poor: resolved here, never from a column, so that only
  // those who serve the resident (and the resident) get them; null for everyone else.
  @FieldResolver(() => [CareTag], {
    nullable: true,
    description: '重点人群标签（敏感信息：仅辖区内工作人员、市级管理员和本人可见，其他人为 null）',
  })
  async careTags(@Root() resident: Resident, @Ctx() ctx: GridContext): Promise<CareTag[] | null> {
    return seesCareTags(ctx.viewer, await ctx.loaders.people.residentVisible(resident.id)) ? resident.careTags : null;
  }

  @FieldResolver(() => Int, { description: '年龄（周岁）' })
  age(@Root() resident: Resident): number {
    return ageOn(resident.birthDate, new Date());
  }

  @FieldResolver(() => Household)
  household(@Root() resident: Resident, @Ctx() ctx: GridContext) {
    return ctx.loaders.household.load(resident.household.id);
  }

  @FieldResolver(() => Grid, { description: '所在网格（所住楼栋的网格）' })
  async grid(@Root() resident: Resident, @Ctx() ctx: GridContext) {
    const household = await ctx.loaders.household.load(resident.household.id);
    const building = household && (await ctx.loaders.building.load(household.building.id));
    return building && ctx.loaders.grid.load(building.grid.id);
  }

  @Mutation(() => Resident)
  createResident(@Ctx() ctx: GridContext, @Arg('input') input: CreateResidentInput): Promise<Resident> {
    return createResident(ctx, input);
  }

  @Mutation(() => Resident)
  updateResident(@Ctx() ctx: GridContext, @Arg('input') input: UpdateResidentInput): Promise<Resident> {
    return updateResident(ctx, input);
  }

  @Mutation(() => Resident, { description: '居民迁至另一户（记入变更记录）；迁出、迁入的户都须在辖区内' })
  moveResident(@Ctx() ctx: GridContext, @Arg('input') input: MoveResidentInput): Promise<Resident> {
    return moveResident(ctx, input);
  }
}
