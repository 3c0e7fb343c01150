import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { OPERATION_HEADER, PURPOSE_HEADER } from '../lib/viewer';
import { InFlight } from '../lib/in-flight';
import type { Logger } from '../lib/logger';
import { missingFieldPaths } from './missing-fields';
import { postToSubgraph, SubgraphTimeoutError, type SubgraphHttpResponse } from '../lib/subgraph-http';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

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

/**
 * The gateway's client for one subgraph. It implements the gateway's data-source interface
 * itself rather than extending RemoteGraphQLDataSource, whose every call builds node-fetch
 * Headers and Request objects and goes through fetch: node:http with kept-alive connections
 * (subgraph-http.ts) does the same POST for less. Subgraph Cache-Control headers are not read:
 * the hub caches no responses.
 *
 * A read exactly the same as one already on its way to the subgraph (same query, variables,
 * caller's token and operation name) waits for that answer instead of being sent again, as Hive
 * Gateway does: a wall of screens under one account, a client's retry while its first try still
 * runs, anonymous visitors of one public card. Each waiting request parses the answer into its
 * own objects, because the gateway merges later fetches into them. Mutations are always sent, and
 * so is a request stating a purpose for personal data in full: the department records each such
 * read as one access (a refused attempt among identical reads in flight together is recorded once).
 */
class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlight<SubgraphHttpResponse>();

  constructor(
    private readonly name: string,
    private readonly url: URL,
    private readonly timeoutMs: number,
    private readonly observe?: (fetch: SubgraphFetch) => void,
    private readonly log?: Logger,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('a subgraph request needs its query');
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const caller = options.context as Partial<GatewayContext>;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller.internalToken) headers.authorization = `Bearer ${caller.internalToken}`;
    if (caller.purpose) headers[PURPOSE_HEADER] = caller.purpose;
    if (caller.operation) headers[OPERATION_HEADER] = caller.operation;

    const send = async () => {
      const startedAt = performance.now();
      const answer = await postToSubgraph(this.url, body, headers, this.timeoutMs);
      this.observe?.({ service: this.name, url: this.url.href, body, headers, startedAt, endedAt: performance.now() });
      return answer;
    };
    let response: SubgraphHttpResponse;
    try {
      response = isShareable(query, caller)
        ? await this.inFlight.share(`${headers.authorization ?? ''}\n${caller.operation ?? ''}\n${body}`, send)
        : await send();
    } catch (error) {
      const timedOut = error instanceof SubgraphTimeoutError;
      // The client is told only that the department did not answer; the operator needs why (a reset
      // or refused connection, a timeout). The error of a socket carries no request data.
      const { code, message } = error as NodeJS.ErrnoException;
      this.log?.warn(
        { service: this.name, code: timedOut ? 'TIMEOUT' : code, reason: message },
        'a subgraph call failed',
      );
      return this.missing(options, {
        message: timedOut
          ? `The ${this.name} service did not answer within ${this.timeoutMs} ms`
          : `The ${this.name} service is unavailable`,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.name },
      });
    }
    const parsed = parseBody(response);
    if (response.status < 200 || response.status > 299 || !isObject(parsed)) {
      // As RemoteGraphQLDataSource reports a refused call: the status, and the body for diagnosis.
      return this.missing(options, {
        message: `${response.status}: ${response.statusText}`,
        extensions: {
          ...(response.status === 401
            ? { code: 'UNAUTHENTICATED' }
            : response.status === 403
              ? { code: 'FORBIDDEN' }
              : {}),
          response: { url: this.url.href, status: response.status, statusText: response.statusText, body: parsed },
        },
      });
    }
    return parsed as GatewayGraphQLResponse;
  }

  /**
   * A fetch that got no answer: no data, and the error once for every field the fetch would have
   * filled, with its path, so the client sees which fields are missing and why (the gateway nulls
   * them, and a dead department costs only its own fields). A document whose fields cannot be
   * read gets the error once, without a path.
   */
  private missing(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    error: GraphQLFormattedError,
  ): GatewayGraphQLResponse {
    const { query, variables } = options.request;
    // The fetch's own parsed operation, when the gateway passes it (an incoming operation's fetch).
    const document = 'document' in options ? options.document : undefined;
    let paths: Array<Array<string | number>> = [];
    try {
      paths = missingFieldPaths(query ?? '', document, variables);
    } catch {
      // an unparsable fetch: reported without a path
    }
    return { errors: paths.length ? paths.map((path) => ({ ...error, path })) : [error] };
  }
}

/** A read without a stated purpose: the gateway writes a subgraph mutation as `mutation …`. */
function isShareable(query: string, caller: Partial<GatewayContext>): boolean {
  return !caller.purpose && !/^\s*(mutation|subscription)\b/.test(query);
}

function parseBody(response: SubgraphHttpResponse): unknown {
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/json') && !type.startsWith('application/graphql-response+json'))
    return response.body;
  try {
    return JSON.parse(response.body);
  } catch {
    return response.body;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function subgraphDataSource(
  name: string,
  url: string,
  timeoutMs: number,
  observe?: (fetch: SubgraphFetch) => void,
  log?: Logger,
): GraphQLDataSource<GatewayContext> {
  return new SubgraphDataSource(name, new URL(url), timeoutMs, observe, log);
}
