import { mayReadReport, outOfScope } from '../access';
import type { MemberReport } from './member-report.entity';
import type { CoBuildingContext } from '../context';

/**
 * A record asked for by id: null when it does not exist, FORBIDDEN (naming the caller's scope)
 * when it lies outside what the caller may read. Lists never get here: they are narrowed in SQL.
 */
export async function readableReport(ctx: CoBuildingContext, report: MemberReport | null, field: string): Promise<MemberReport | null> {
  if (!report) return null;
  // The unit's Party organisation decides for a PARTY_ORG caller; the unit loader batches and caches.
  const unit = await ctx.loaders.unit.load(report.unit.id);
  const facts = { communityId: report.communityId, unitId: report.unit.id, unitPartyOrganizationId: unit?.partyOrganizationId ?? null };
  if (!mayReadReport(ctx.viewer, facts)) throw outOfScope(ctx.viewer, `MemberReport ${report.id}`, field);
  return report;
}
