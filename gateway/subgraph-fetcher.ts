import { RemoteGraphQLDataSource } from '@apollo/gateway';

/**
 * How the gateway calls a subgraph: the URL from the supergraph file unless overridden
 * (GRID_URL, PARTY_BUILDING_URL, ...), with a deadline so one slow department cannot hold
 * every request, and the caller's Authorization header passed on.
 */
export function subgraphDataSource(url: string, timeoutMs: number): RemoteGraphQLDataSource {
  return new RemoteGraphQLDataSource({
    url,
    fetcher: ((input: string, init: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as any,
    willSendRequest({ request, context }) {
      const authorization = (context as { authorization?: string }).authorization;
      if (authorization) request.http?.headers.set('authorization', authorization);
    },
  });
}
