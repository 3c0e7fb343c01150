import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { conflict } from '../../../lib/errors';
import { requireRecord } from '../../../lib/records';
import { checkText } from '../shared/text';
import { PartyOrganizationReference } from '../shared/references';
import { Unit, UnitKind } from './unit.entity';
import type { CoBuildingContext } from '../context';
import { EvaluationConnection, MemberReportConnection, PairingConnection, ProjectConnection, UnitConnection } from '../shared/connections';
import { checkCityAdmin } from '../access';
import { requirePartyOrganization } from '../shared/remote-checks';

@InputType({ description: '登记共建单位' })
class CreateUnitInput {
  @Field({ description: '统一社会信用代码或机构代码' }) code!: string;
  @Field() name!: string;
  @Field(() => UnitKind) kind!: UnitKind;
  @Field(() => ID, { nullable: true, description: '单位党组织（党建子图的 PartyOrganization）' }) partyOrganizationId?: string;
}

@InputType({ description: '修改共建单位；省略的字段不变' })
class UpdateUnitInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => UnitKind, { nullable: true }) kind?: UnitKind;
  @Field(() => ID, { nullable: true, description: '单位党组织' }) partyOrganizationId?: string;
}

@ArgsType()
class UnitFilter extends PageArgs {
  @Field(() => UnitKind, { nullable: true }) kind?: UnitKind;
}

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: '按 id 查共建单位' })
  unit(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.unit.load(id);
  }

  @Query(() => UnitConnection, { description: '共建单位列表' })
  async units(@Ctx() ctx: CoBuildingContext, @Args() filter: UnitFilter, @Info() info: GraphQLResolveInfo) {
    return new UnitConnection(await paginate(ctx.em, Unit, (parameter) => equalTo(parameter, { kind: filter.kind }), filter, info));
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
  async createUnit(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateUnitInput): Promise<Unit> {
    checkCityAdmin(ctx.viewer, 'registering a unit');
    const code = checkText(input.code, 'input.code', 32);
    const name = checkText(input.name, 'input.name', 200);
    if (input.partyOrganizationId) await requirePartyOrganization(input.partyOrganizationId, 'input.partyOrganizationId');
    return ctx.em.transactional(async (em) => {
      if (await em.count(Unit, { code })) throw conflict('input.code', `a unit with code ${code} is already registered`);
      return em.create(Unit, { id: newId(), code, name, kind: input.kind, partyOrganizationId: input.partyOrganizationId ?? null });
    });
  }

  @Mutation(() => Unit, { description: '修改共建单位' })
  async updateUnit(@Ctx() ctx: CoBuildingContext, @Arg('input') input: UpdateUnitInput): Promise<Unit> {
    checkCityAdmin(ctx.viewer, 'changing a unit\'s register entry');
    const name = input.name != null ? checkText(input.name, 'input.name', 200) : undefined;
    if (input.partyOrganizationId) await requirePartyOrganization(input.partyOrganizationId, 'input.partyOrganizationId');
    return ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.id, 'input.id');
      if (name) unit.name = name;
      if (input.kind) unit.kind = input.kind;
      if (input.partyOrganizationId) unit.partyOrganizationId = input.partyOrganizationId;
      return unit;
    });
  }
}
