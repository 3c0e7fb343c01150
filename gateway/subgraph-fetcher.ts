import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

/**
 * How the gateway calls a subgraph: the URL from the supergraph file unless overridden
 * (GRID_URL, PARTY_BUILDING_URL, ...), with a deadline so one slow department cannot hold
 * every request, and the caller's Authorization header passed on. A subgraph that does not
 * answer becomes an error naming the department, never its internal address.
 */
export interface SubgraphFetch {
  service: string;
  url: string;
  body: string;
  startedAt: number;
  endedAt: number;
}

export function subgraphDataSource(
  name: string,
  url: string,
  timeoutMs: number,
  observe?: (fetch: SubgraphFetch) => void,
): RemoteGraphQLDataSource {
  return new RemoteGraphQLDataSource({
    url,
    fetcher: (async (input: string, init: RequestInit) => {
      const startedAt = performance.now();
      try {
        const response = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        observe?.({ service: name, url: input, body: String(init.body), startedAt, endedAt: performance.now() });
        return response;
      } catch (error) {
        const timedOut = (error as { name?: string })?.name === 'TimeoutError';
        throw new GraphQLError(
          timedOut ? `The ${name} service did not answer within ${timeoutMs} ms` : `The ${name} service is unavailable`,
          { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name } },
        );
      }
    }) as any,
    willSendRequest({ request, context }) {
      const authorization = (context as { authorization?: string }).authorization;
      if (authorization) request.http?.headers.set('authorization', authorization);
    },
  });
}
