import fs from 'node:fs';
import path from 'node:path';
import { serviceConfig } from '../lib/config';
import { clusterFolder, findOrStartServer } from '../lib/embedded-database';
import type { Logger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraph-registry';

export interface HubDatabase {
  stop(): Promise<void>;
}

/**
 * `npm start` with no database configured for some subgraph: the embedded PostgreSQL server of
 * the data folder starts before the services and stops after them. Each subgraph then creates
 * (on its first start, with the demo district) and migrates its own database on it.
 */
export async function startHubDatabase(log: Logger, onUnexpectedExit: () => void): Promise<HubDatabase | undefined> {
  const configs = SUBGRAPHS.map((entry) => serviceConfig(entry.name, entry.defaultPort));
  if (configs.every((config) => config.databaseUrl)) return undefined;
  const [first] = configs;
  if (!first) return undefined;
  const dataDir = first.dataDir;
  for (const entry of SUBGRAPHS) {
    const earlier = path.join(dataDir, entry.name);
    if (fs.existsSync(path.join(earlier, 'PG_VERSION'))) {
      log.warn(
        `${earlier} holds an embedded database of an earlier version, which is no longer read; delete it when you no longer need it`,
      );
    }
  }
  const cluster = clusterFolder(dataDir);
  const server = await findOrStartServer(cluster, {}, (message) => log.warn(message));
  log.info(
    { port: server.port, cluster },
    server.created ? 'created the embedded PostgreSQL' : 'embedded PostgreSQL ready',
  );
  let stopping = false;
  void server.exited.then(() => {
    if (stopping) return;
    log.error('the embedded PostgreSQL stopped unexpectedly; stopping the hub');
    onUnexpectedExit();
  });
  return {
    async stop() {
      stopping = true;
      await server.stop();
    },
  };
}
