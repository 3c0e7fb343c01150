import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { sendGraphQLError } from '../lib/http-refusals';

/**
 * At most `perMinute` requests a minute per client, counted in this gateway's memory. A client
 * is its Authorization header (one token, one budget, whatever address it comes from; the
 * header is hashed, never kept) or, without one, its IP address. Past the budget: 429 with
 * Retry-After and a RATE_LIMITED error, before the body is even read. 0 turns the limit off
 * (the benchmark measures the graph, not the limiter).
 */
export function clientKey(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) return `token:${createHash('sha256').update(authorization).digest('base64url')}`;
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

export function rateLimit(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_req, _res, next) => next();
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return (req, res, next) => {
    limiter.consume(clientKey(req)).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(refusal);
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        sendGraphQLError(
          res,
          429,
          `Too many requests: at most ${perMinute} a minute per client; try again in ${seconds} s`,
          { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
          { 'retry-after': String(seconds) },
        );
      },
    );
  };
}
