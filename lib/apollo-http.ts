import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import bodyParser from 'body-parser';
import { refuseUnreadableBody, sendGraphQLError } from './http-refusals';

export interface ApolloHttpOptions<Context extends BaseContext> {
  context(req: IncomingMessage): Promise<Context>;
  /** Largest JSON body read (body-parser size: 1mb, 200kb, bytes); larger is refused with 413. */
  bodyLimit: string;
  /** Told of a failure Apollo did not turn into a response itself; the caller gets a 500. */
  onError(error: unknown): void;
  /**
   * A check of the parsed request before Apollo runs it (the gateway's persisted-query
   * allow-list): false when it refused the request, having answered it itself.
   */
  admit?(req: IncomingMessage, res: ServerResponse, search: string): boolean;
}

/** A request's path, and its query string with the `?` (or empty) as Apollo reads it. */
export function requestTarget(req: IncomingMessage): { path: string; search: string } {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query < 0 ? { path: url, search: '' } : { path: url.slice(0, query), search: url.slice(query) };
}

/** Answers one request to the GraphQL path; `search` is its query string with the `?`, or empty, as Apollo reads it. */
export type ApolloHttpHandler = (req: IncomingMessage, res: ServerResponse, search: string) => void;

/**
 * Apollo Server on a plain node:http request, as Apollo's own startStandaloneServer serves it
 * (@apollo/server/dist/cjs/standalone): the JSON body through body-parser, the request handed to
 * executeHTTPGraphQLRequest, its status, headers and body (whole or streamed) written back.
 * Without CORS: only the gateway calls a subgraph, never a browser.
 */
export function apolloHttpHandler<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: ApolloHttpOptions<Context>,
): ApolloHttpHandler {
  const parseJson = bodyParser.json({ limit: options.bodyLimit });
  return (req, res, search) => {
    parseJson(req, res, (parseError?: unknown) => {
      if (parseError) {
        if (!refuseUnreadableBody(res, parseError, options.bodyLimit)) {
          options.onError(parseError);
          sendGraphQLError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
        }
        return;
      }
      if (options.admit && !options.admit(req, res, search)) return;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: req.method!.toUpperCase(),
        headers,
        search,
        // body-parser leaves it undefined for a request without a JSON body; Apollo answers that.
        body: (req as { body?: unknown }).body,
      };
      server
        .executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => options.context(req) })
        .then(async (response) => {
          for (const [key, value] of response.headers) res.setHeader(key, value);
          res.statusCode = response.status ?? 200;
          if (response.body.kind === 'complete') {
            res.end(response.body.string);
            return;
          }
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: unknown) => {
          options.onError(error);
          if (res.headersSent) res.destroy();
          else sendGraphQLError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
        });
    });
  };
}
