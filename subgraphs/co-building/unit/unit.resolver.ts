import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import {
  EvaluationConnection,
  MemberReportConnection,
  PairingConnection,
  ProjectConnection,
  UnitConnection,
} from '../shared/connections';
import { PartyOrganizationReference } from '../shared/references';
import { CreateUnitInput, UnitFilter, UpdateUnitInput } from './unit.inputs';
import { Unit } from './unit.entity';
import { createUnit, listUnits, updateUnit } from './unit.service';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: '按 id 查共建单位' })
  unit(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.unit.load(id);
  }

  @Query(() => UnitConnection, { description: '共建单位列表' })
  async units(@Ctx() ctx: CoBuildingContext, @Args() filter: UnitFilter, @Info() info: GraphQLResolveInfo) {
    return new UnitConnection(await listUnits(ctx, filter, info));
  }

  @FieldResolver(() => PartyOrganizationReference, { nullable: true, description: '单位党组织' })
  partyOrganization(@Root() unit: Unit) {
    return unit.partyOrganizationId ? { id: unit.partyOrganizationId } : null;
  }

  @FieldResolver(() => PairingConnection, { description: '结对共建（含已结束的）' })
  async pairings(@Root() unit: Unit, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PairingConnection(await ctx.loaders.pairingsOfUnit(unit.id, page));
  }

  @FieldResolver(() => MemberReportConnection, { description: '本单位在职党员到社区报到（含已结束的）' })
  async memberReports(@Root() unit: Unit, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new MemberReportConnection(await ctx.loaders.reportsOfUnit(unit.id, page));
  }

  @FieldResolver(() => ProjectConnection, { description: '认领的共建项目' })
  async projects(@Root() unit: Unit, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ProjectConnection(await ctx.loaders.projectsOfUnit(unit.id, page));
  }

  @FieldResolver(() => EvaluationConnection, { description: '年度评价' })
  async evaluations(@Root() unit: Unit, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new EvaluationConnection(await ctx.loaders.evaluationsOfUnit(unit.id, page));
  }

  @Mutation(() => Unit, { description: '登记共建单位' })
  createUnit(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateUnitInput): Promise<Unit> {
    return createUnit(ctx, input);
  }

  @Mutation(() => Unit, { description: '修改共建单位' })
  updateUnit(@Ctx() ctx: CoBuildingContext, @Arg('input') input: UpdateUnitInput): Promise<Unit> {
    return updateUnit(ctx, input);
  }
}
