import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { INTERNAL_MESSAGE, internalCause } from '../lib/format-error';
import type { Logger } from '../lib/logger';

/**
 * An error the client cannot act on: a department's failure passed on by Apollo's gateway, a
 * subgraph's refused call ("400: Bad Request", with the subgraph's address in `response`), or a
 * fault of the gateway itself. Its message may hold a SQL statement or an internal address, so
 * in every mode the client gets a fixed message naming the department, and the log gets the rest.
 */
export function isInternal(code: unknown): boolean {
  return code === undefined || code === 'INTERNAL_SERVER_ERROR';
}

/** The error as the client sees it: code, the department, where; no message of its own, no stack, no `response`. */
export function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const serviceName = formatted.extensions?.serviceName;
  return {
    message: serviceName ? `${INTERNAL_MESSAGE} (in the ${String(serviceName)} service)` : INTERNAL_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(serviceName ? { serviceName } : {}) },
  };
}

/**
 * Logs each internal error of a request, without personal data: a department's own failure by
 * the department and path (the department logs its cause), a refused subgraph call by its
 * status, a fault of the gateway with its cause.
 */
export function internalErrorLog(log: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors as readonly GraphQLError[]) {
            if (
              !isInternal(error.extensions?.code) ||
              (error.extensions?.http as { status?: number } | undefined)?.status === 400
            )
              continue;
            const service = error.extensions?.serviceName;
            const status = (error.extensions?.response as { status?: number } | undefined)?.status;
            const cause = service || status ? { service, status } : internalCause(error.originalError ?? error);
            log.error(
              { ...cause, operation: operationName, path: error.path },
              'a request failed with an internal error',
            );
          }
        },
      };
    },
  };
}
