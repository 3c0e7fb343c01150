import type { ServerResponse } from 'node:http';

/**
 * A request refused before GraphQL runs (body size, rate limit, allow-list), answered in the
 * same shape as every other error of the graph: `{ errors: [{ message, extensions: { code } }] }`.
 */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions }] }, headers);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** A path the server does not serve, or not with this method. */
export function sendNotFound(res: ServerResponse, method: string | undefined, path: string): void {
  sendBody(res, 404, 'text/plain; charset=utf-8', `Cannot ${method} ${path}\n`);
}

/** A whole response body with its type and length. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Refuse a body body-parser could not read, the caller's fault: 413 when larger than `limit`, 400
 * when not JSON, body-parser's own 4xx otherwise. False for anything else (a fault of ours).
 */
export function refuseUnreadableBody(res: ServerResponse, error: unknown, limit: string): boolean {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.too.large') {
    sendGraphQLError(res, 413, `The request body is larger than ${limit}, the most this endpoint reads`, {
      code: 'BAD_USER_INPUT',
      field: 'body',
      limit: 'bodySize',
      max: limit,
    });
    return true;
  }
  if (typeof status !== 'number' || status < 400 || status >= 500) return false;
  const message =
    type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body could not be read';
  sendGraphQLError(res, status, message, { code: 'BAD_USER_INPUT', field: 'body' });
  return true;
}
