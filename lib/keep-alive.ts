import type http from 'node:http';

/**
 * How long a hub server keeps an idle kept-alive connection open. Longer than its callers keep
 * one (the gateway's client 30 s, lib/subgraph-http.ts; a load balancer's usual 60 s), so the
 * caller closes first. When the server closes first, a request sent on the connection at that
 * moment is reset: Node's default of 5 s made that race frequent under bursty load.
 */
export const HUB_KEEP_ALIVE_MS = 65_000;

export function keepIdleConnections(server: http.Server, keepAliveMs: number): void {
  server.keepAliveTimeout = keepAliveMs;
  // Headers of a request may take as long as the connection may idle, and a whole request as long
  // as its headers (Node refuses a request deadline shorter than the headers deadline).
  server.headersTimeout = Math.max(server.headersTimeout, keepAliveMs + 1_000);
  if (server.requestTimeout > 0) server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout);
}
