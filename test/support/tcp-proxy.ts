import net from 'node:net';

/**
 * A TCP proxy the test controls, put between the subgraphs and PostgreSQL: it can cut every
 * connection and refuse new ones for a while (what the subgraphs see when the database server
 * restarts), or hold the bytes in both directions (a database that stops answering) — without
 * touching the PostgreSQL server other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Reset every open connection, and reset new ones for `downMs`, as a server that restarts. */
  cut(downMs: number): void;
  /** Stop forwarding (bytes wait in the proxy) until resume(). */
  hold(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let downUntil = 0;
  let held = false;
  const waiting: Array<() => void> = [];

  /** Forward chunks from one socket to the other, waiting while the proxy holds. */
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      const write = () => !to.destroyed && to.write(chunk);
      if (held) waiting.push(write);
      else write();
    });
  };

  const server = net.createServer((client) => {
    if (Date.now() < downUntil) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as net.AddressInfo).port,
    cut(downMs) {
      downUntil = Date.now() + downMs;
      waiting.length = 0;
      for (const { client, upstream } of [...pairs]) {
        client.resetAndDestroy();
        upstream.destroy();
      }
    },
    hold() {
      held = true;
    },
    resume() {
      held = false;
      waiting.splice(0).forEach((write) => write());
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
