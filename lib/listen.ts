import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenHost } from './config';
import { undoOnFailure } from './shutdown';

/**
 * Listen on the port (0: any free one) and give the port taken. A port already in use fails the
 * start with the server's error (EADDRINUSE) instead of an unheard 'error' event, after `undo`
 * has stopped what was started for this server.
 */
export async function listenOn(httpServer: http.Server, port: number, undo: () => Promise<unknown>): Promise<number> {
  const listening = () =>
    new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, listenHost(), () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  await undoOnFailure(listening, undo);
  return (httpServer.address() as AddressInfo).port;
}
