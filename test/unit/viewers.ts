import type { Role, ScopeClaims, Territory } from '../../lib/auth/roles';
import type { RefusedPurpose } from '../../lib/access-purpose';
import type { Viewer } from '../../lib/viewer';

/** A viewer as a subgraph would build it from a verified internal token. */
export function viewerOf(
  role: Role,
  extra: {
    claims?: ScopeClaims;
    territory?: Territory;
    purpose?: string;
    refusedPurpose?: RefusedPurpose;
    subject?: string;
  } = {},
): Viewer {
  return {
    authenticated: role !== 'ANONYMOUS',
    subject: extra.subject ?? (role === 'ANONYMOUS' ? null : `test-${role.toLowerCase()}`),
    role,
    claims: extra.claims ?? {},
    territory: extra.territory ?? null,
    purpose: extra.purpose ?? null,
    refusedPurpose: extra.refusedPurpose ?? null,
    operation: null,
  };
}
