import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { refuseUnreadableBody } from '../lib/http-refusals';

/**
 * The JSON body of a GraphQL request, at most `limit` (MAX_BODY_SIZE). A larger body is refused
 * with 413 before it is parsed, and a body that is not JSON with 400, both in the graph's error
 * shape rather than Express's HTML page.
 */
export function jsonBody(limit: string): [RequestHandler, ErrorRequestHandler] {
  const refuseUnreadable: ErrorRequestHandler = (error, _req, res, next) => {
    if (!refuseUnreadableBody(res, error, limit)) next(error);
  };
  return [express.json({ limit }), refuseUnreadable];
}
