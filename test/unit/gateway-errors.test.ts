import { GraphQLError } from 'graphql';
import { gatewayFormatError } from '../../gateway/gateway-errors';
import { internalErrorLog } from '../../gateway/internal-errors';
import { formatError } from '../../lib/format-error';
import type { Logger } from '../../lib/logger';

const SQL_ERROR = {
  message:
    'insert into "grid"."personal_data_access" ("id", "record_id") values (\'0190…\', \'0190f000-0000-7000-8000-000000000001\') - invalid byte sequence for encoding "UTF8": 0x00',
  path: ['resident', 'phone'],
  extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'grid', stacktrace: ['GraphQLError: insert into …'] },
};

describe("the gateway's errors, in every mode", () => {
  it.each([false, true])(
    "keep a department's internal error to the log (production: %s): no statement, no stack",
    (production) => {
      const formatted = gatewayFormatError(production)(
        SQL_ERROR,
        new GraphQLError(SQL_ERROR.message, { extensions: SQL_ERROR.extensions }),
      );
      expect(formatted).toEqual({
        message: 'Internal error: the request could not be completed (in the grid service)',
        path: ['resident', 'phone'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'grid' },
      });
    },
  );

  it.each([false, true])("keep a refused subgraph call's address to the log (production: %s)", (production) => {
    const refused = {
      message: '400: Bad Request',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        response: { url: 'http://127.0.0.1:4003/graphql', status: 400, body: {} },
      },
    };
    expect(gatewayFormatError(production)(refused, new GraphQLError(refused.message))).toEqual({
      message: 'Internal error: the request could not be completed',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it("drops a subgraph's address from an error the client can act on, in development too", () => {
    const unauthenticated = {
      message: '401: Unauthorized',
      extensions: { code: 'UNAUTHENTICATED', response: { url: 'http://127.0.0.1:4001/graphql' } },
    };
    const formatted = gatewayFormatError(false)(
      unauthenticated,
      new GraphQLError(unauthenticated.message, { extensions: unauthenticated.extensions }),
    );
    expect(formatted).toEqual({ message: '401: Unauthorized', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it("names the persisted query's hash when it is not its text's", () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(
      gatewayFormatError(false)({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error),
    ).toEqual({
      message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 hash of the query text sent with it',
      extensions: { code: 'BAD_USER_INPUT', field: 'extensions.persistedQuery.sha256Hash' },
    });
  });
});

/** A logger that keeps what it is given. */
function memoryLogger(): Logger & { lines: unknown[] } {
  const lines: unknown[] = [];
  return { lines, error: (fields: unknown) => void lines.push(fields) } as unknown as Logger & { lines: unknown[] };
}

describe('logging internal errors without personal data', () => {
  it("logs a subgraph's database error by its SQL state and where, never its statement", () => {
    const log = memoryLogger();
    const pgError = Object.assign(new Error(SQL_ERROR.message), {
      name: 'error',
      code: '22021',
      routine: 'report_invalid_encoding_int',
      table: undefined,
    });
    const resolverError = new GraphQLError(pgError.message, { originalError: pgError, path: ['resident', 'phone'] });
    const formatted = formatError(false, log)(
      { message: pgError.message, path: ['resident', 'phone'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      resolverError,
    );
    expect(formatted.message).toBe('Internal error: the request could not be completed');
    expect(log.lines).toEqual([
      {
        error: 'error',
        sqlState: '22021',
        routine: 'report_invalid_encoding_int',
        table: undefined,
        column: undefined,
        constraint: undefined,
        path: ['resident', 'phone'],
      },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('0190f000');
  });

  it("logs a department's failure at the gateway by department and path, and nothing for a refusal", async () => {
    const log = memoryLogger();
    const listener = await internalErrorLog(log).requestDidStart!({} as never);
    await listener!.didEncounterErrors!({
      operationName: 'Home',
      errors: [
        new GraphQLError(SQL_ERROR.message, {
          path: ['resident', 'phone'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'grid' },
        }),
        new GraphQLError('input.name contains a control character', {
          extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
        }),
      ],
    } as never);
    expect(log.lines).toEqual([{ service: 'grid', status: undefined, operation: 'Home', path: ['resident', 'phone'] }]);
  });
});
