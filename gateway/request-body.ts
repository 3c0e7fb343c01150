import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { sendGraphQLError } from './http-errors';

/**
 * The JSON body of a GraphQL request, at most `limit` (MAX_BODY_SIZE). A larger body is refused
 * with 413 before it is parsed, and a body that is not JSON with 400, both in the graph's error
 * shape rather than Express's HTML page.
 */
export function jsonBody(limit: string): [RequestHandler, ErrorRequestHandler] {
  const refuseUnreadable: ErrorRequestHandler = (error, _req, res, next) => {
    const type = (error as { type?: string })?.type;
    if (type === 'entity.too.large') {
      sendGraphQLError(res, 413, `The request body is larger than ${limit}, the most this endpoint reads`, {
        code: 'BAD_USER_INPUT',
        field: 'body',
        limit: 'bodySize',
        max: limit,
      });
      return;
    }
    const status = (error as { status?: number })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body could not be read';
      sendGraphQLError(res, status, message, { code: 'BAD_USER_INPUT', field: 'body' });
      return;
    }
    next(error);
  };
  return [express.json({ limit }), refuseUnreadable];
}
