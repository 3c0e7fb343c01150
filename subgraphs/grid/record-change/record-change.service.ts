import type { GraphQLResolveInfo } from 'graphql';
import { checkIdArguments } from '../../../lib/ids';
import { type PageArgs, paginate } from '../../../lib/pagination';
import { outsideScope } from '../access';
import type { GridContext } from '../context';
import { RecordType } from '../shared/enums';
import { RecordChange } from './record-change.entity';

/** Whether the viewer may read the record a change log belongs to (a building is part of the map, open to all). */
function logVisible(ctx: GridContext, entityType: RecordType, entityId: string): Promise<boolean> | boolean {
  if (entityType === RecordType.RESIDENT) return ctx.loaders.people.residentVisible(entityId);
  if (entityType === RecordType.HOUSEHOLD) return ctx.loaders.people.householdVisible(entityId);
  return true;
}

/** A record's change log, a page at a time, for whoever may read the record. */
export async function recordChangesOf(
  ctx: GridContext,
  entityType: RecordType,
  entityId: string,
  page: PageArgs,
  info: GraphQLResolveInfo,
) {
  checkIdArguments({ entityId });
  if (!(await logVisible(ctx, entityType, entityId))) throw outsideScope(ctx.viewer, entityType, entityId, 'entityId');
  return paginate(
    ctx.em,
    RecordChange,
    (parameter) => [`"entity_type" = ${parameter(entityType)}`, `"entity_id" = ${parameter(entityId)}`],
    page,
    info,
  );
}
