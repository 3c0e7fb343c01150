import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who is asking. Every resolver receives one in its context; rules about what a caller may see
 * ask the viewer, never the request. Identity from verified tokens plugs in here: until then every
 * caller is anonymous and may read no personal data in full.
 */
export interface Viewer {
  readonly authenticated: boolean;
  readonly subject: string | null;
  readonly roles: readonly string[];
  /** Whether this viewer may read a personal field unmasked. */
  mayReadInFull(field: string): boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({
  authenticated: false,
  subject: null,
  roles: [],
  mayReadInFull: () => false,
});

export function viewerFromHeaders(_headers: IncomingHttpHeaders): Viewer {
  return ANONYMOUS;
}
