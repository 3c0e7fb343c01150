import type { EntityManager } from '@mikro-orm/postgresql';
import { createAccessLog } from '../../lib/audit/access-log';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { memberScopeOf, scopingOrganizationOf, type MemberScope } from './access';
import { createMemberLoaders } from './member/member.store';
import { createPartyRoleLoaders } from './member/party-role.store';
import { createOrganizationLoaders } from './organization/organization.store';
import { subtreeIds } from './organization/organization-tree.store';

/**
 * What the request's viewer covers, read at most once per request: a PARTY_ORG caller's subtree
 * is one recursive query, shared by every list, reference and personal field of the request;
 * other callers cost no statement at all.
 */
export function createViewerScope(em: EntityManager, viewer: Viewer) {
  const root = scopingOrganizationOf(viewer);
  const readSubtree = (): Promise<string[]> => (root ? subtreeIds(em, root) : Promise.resolve([]));
  let subtree: Promise<string[]> | undefined;
  let scope: Promise<MemberScope> | undefined;
  const subtreeOnce = (): Promise<string[]> => (subtree ??= readSubtree());
  return {
    /**
     * The caller's organisation and all below it, read afresh for a change: an earlier mutation
     * of the same operation may have created or moved organisations.
     */
    currentSubtree: readSubtree,
    /** Whose member records the caller sees (its subtree read once for all reads of the request). */
    memberScope: (): Promise<MemberScope> => (scope ??= subtreeOnce().then((ids) => memberScopeOf(viewer, ids))),
  };
}

export type ViewerScope = ReturnType<typeof createViewerScope>;

/** The request's loaders: each module's store loaders over one viewer scope. */
export function createPartyLoaders(em: EntityManager, viewer: Viewer) {
  const scope = createViewerScope(em, viewer);
  return {
    accessLog: createAccessLog(em, viewer),
    scope,
    ...createOrganizationLoaders(em),
    ...createMemberLoaders(em, scope),
    ...createPartyRoleLoaders(em, scope),
  };
}

export type PartyLoaders = ReturnType<typeof createPartyLoaders>;
export type PartyContext = SubgraphContext<PartyLoaders>;
