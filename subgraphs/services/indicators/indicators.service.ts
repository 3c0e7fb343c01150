import { checkIdArguments } from '../../../lib/ids';
import { indicatorScope } from '../access';
import type { ServicesContext } from '../context';
import { CaseIndicatorGroup, CaseIndicators } from './case-indicators.entity';
import { checkPeriod } from './indicator-period.rules';
import type { IndicatorArgs, PeriodArgs } from './indicators.inputs';

/** The root figures, grouped as asked, over the viewer's cases narrowed to one place. */
export async function caseIndicatorGroups(ctx: ServicesContext, args: IndicatorArgs): Promise<CaseIndicatorGroup[]> {
  const { streetId, communityId, gridId, department } = args;
  const scope = indicatorScope(ctx.viewer, { streetId, communityId, gridId, department });
  checkIdArguments({ streetId, communityId, gridId });
  const period = checkPeriod(args.from, args.to);
  const rows = await ctx.loaders.rootIndicators({
    grouping: args.groupBy,
    period,
    scope,
    narrow: { streetId, communityId, gridId, department },
  });
  return rows.map((row) => new CaseIndicatorGroup(row, args.groupBy));
}

/** One grid's figures. The loader counts over the viewer's cases; this refuses a grid outside a territory. */
export async function gridIndicators(ctx: ServicesContext, gridId: string, args: PeriodArgs): Promise<CaseIndicators> {
  indicatorScope(ctx.viewer, { gridId });
  return new CaseIndicators(await ctx.loaders.indicatorsOfGrid(gridId, checkPeriod(args.from, args.to)));
}

/** One community's figures. The loader counts over the viewer's cases; this refuses a community outside a territory. */
export async function communityIndicators(
  ctx: ServicesContext,
  communityId: string,
  args: PeriodArgs,
): Promise<CaseIndicators> {
  indicatorScope(ctx.viewer, { communityId });
  return new CaseIndicators(await ctx.loaders.indicatorsOfCommunity(communityId, checkPeriod(args.from, args.to)));
}
