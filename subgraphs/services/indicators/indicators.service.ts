import { checkIdArguments } from '../../../lib/ids';
import { indicatorScope } from '../access';
import type { ServicesContext } from '../context';
import { checkPeriod } from '../domain/indicator-period';
import { CaseIndicatorGroup, type IndicatorArgs } from '../resolvers/indicators';

/** The root figures, grouped as asked, over the viewer's cases narrowed to one place. */
export async function caseIndicatorGroups(ctx: ServicesContext, args: IndicatorArgs): Promise<CaseIndicatorGroup[]> {
  const { streetId, communityId, gridId, department } = args;
  const scope = indicatorScope(ctx.viewer, { streetId, communityId, gridId, department });
  checkIdArguments({ streetId, communityId, gridId });
  const period = checkPeriod(args.from, args.to);
  const rows = await ctx.loaders.rootIndicators({ grouping: args.groupBy, period, scope, narrow: { streetId, communityId, gridId, department } });
  return rows.map((row) => new CaseIndicatorGroup(row, args.groupBy));
}
