import net from 'node:net';

// Below the kernel's ephemeral range (32768–60999 on Linux), from which every in-process hub of
// the other test files takes its ports (port 0): a port chosen here cannot be taken by them
// between choosing it and the child process listening on it.
const LOW = 20000;
const HIGH = 32000;

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on now, for services started as child processes. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await tryListen(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH}`);
}
