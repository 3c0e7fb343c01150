import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { OPERATION_HEADER, PURPOSE_HEADER } from '../lib/viewer';

/** What the gateway knows of a request when it calls the subgraphs. */
export interface GatewayContext {
  internalToken: string;
  /** The purpose stated for reading personal data in full (x-access-purpose), passed on as sent. */
  purpose?: string;
  operation?: string;
}

/**
 * How the gateway calls a subgraph: the URL from the supergraph file unless overridden
 * (GRID_URL, PARTY_BUILDING_URL, ...), with a deadline so one slow department cannot hold
 * every request, and the caller's identity passed on as the internal token the subgraphs verify. A subgraph that does not
 * answer becomes an error naming the department, never its internal address.
 */
export interface SubgraphFetch {
  service: string;
  url: string;
  body: string;
  /** The headers sent (the internal token among them), so a benchmark can replay the fetch. */
  headers: Record<string, string>;
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
        if (observe) {
          const headers = Object.fromEntries(new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).entries());
          observe({ service: name, url: input, body: String(init.body), headers, startedAt, endedAt: performance.now() });
        }
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
      const caller = context as Partial<GatewayContext>;
      const headers = request.http?.headers;
      if (!headers) return;
      if (caller.internalToken) headers.set('authorization', `Bearer ${caller.internalToken}`);
      if (caller.purpose) headers.set(PURPOSE_HEADER, caller.purpose);
      if (caller.operation) headers.set(OPERATION_HEADER, caller.operation);
    },
  });
}
