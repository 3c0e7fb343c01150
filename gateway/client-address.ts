import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The client's address for a request: the connection's peer, or the address a trusted proxy forwarded. */
export type ClientAddress = (req: IncomingMessage) => string;

/**
 * TRUST_PROXY, read as Express reads its "trust proxy" setting (and with the same library,
 * proxy-addr): `true` trusts every hop, a number that many hops from the gateway, anything else a
 * comma-separated list of addresses, subnets or the names `loopback`, `linklocal`, `uniquelocal`.
 * Unset: X-Forwarded-For is ignored and the peer's address is the client's.
 */
export function clientAddress(trustProxy: string | undefined): ClientAddress {
  if (!trustProxy) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = compileTrust(trustProxy);
  return (req) => proxyAddr(req, trust);
}

function compileTrust(raw: string): (address: string, hop: number) => boolean {
  if (raw === 'true') return () => true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(raw.split(',').map((entry) => entry.trim()));
}
