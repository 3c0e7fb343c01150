import type http from 'node:http';

/**
 * What one client may hold of the gateway's connections. A request whose headers and body have
 * not all arrived within `requestTimeoutMs` of its first byte is answered 408 and its connection
 * closed (Node's request timeout, which covers a body being read as well as headers), so a
 * client sending a byte at a time holds nothing for long. One address may hold
 * `maxConnectionsPerAddress` connections open (0: no cap); one more is closed as it opens. The
 * address is the connection's peer: behind a load balancer, the balancer's.
 */
/** For http.createServer: Node looks for late requests every 30 s by default; a tenth of the deadline keeps the 408 close to it. */
export function serverOptions(requestTimeoutMs: number): http.ServerOptions {
  return { connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.round(requestTimeoutMs / 10))) };
}

export function guardConnections(
  server: http.Server,
  options: { requestTimeoutMs: number; maxConnectionsPerAddress: number },
): void {
  server.requestTimeout = options.requestTimeoutMs;
  // Node counts the headers' time from a request's first byte, not from an idle connection's last answer.
  server.headersTimeout = Math.min(server.headersTimeout, options.requestTimeoutMs);
  if (options.maxConnectionsPerAddress === 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > options.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
