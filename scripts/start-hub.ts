import 'reflect-metadata';
import { startGateway, type RunningGateway } from '../gateway/server';
import { createLogger } from '../lib/logger';
import { setSubgraphUrls } from '../lib/remote-entities';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '../lib/subgraph-server';
import { definitionOf } from './subgraph-definitions';

export interface Hub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/**
 * The whole hub in one process: the four subgraphs on their ports, then the gateway pointed at
 * them. Each service can also run alone (`npm run start:grid`, ...), as in a deployment.
 */
export async function startHub(
  options: { gatewayPort?: number; subgraphPorts?: Record<string, number>; production?: boolean } & Omit<StartOptions, 'port'> = {},
): Promise<Hub> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  try {
    for (const entry of SUBGRAPHS) {
      subgraphs[entry.name] = await startSubgraph(definitionOf(entry.name), { ...options, port: options.subgraphPorts?.[entry.name] });
    }
    // Subgraphs check references against each other where they actually listen.
    setSubgraphUrls(Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])));
    const gateway = await startGateway({
      port: options.gatewayPort,
      production: options.production,
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
    });
    return {
      gateway,
      subgraphs,
      async stop() {
        await gateway.stop();
        for (const running of Object.values(subgraphs).reverse()) await running.stop();
      },
    };
  } catch (error) {
    for (const running of Object.values(subgraphs).reverse()) await running.stop().catch(() => undefined);
    throw error;
  }
}

if (require.main === module) {
  const log = createLogger('hub');
  startHub().then(
    (hub) => {
      log.info(`the hub answers on ${hub.gateway.url.replace('127.0.0.1', 'localhost')}`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        log.info('stopping the gateway and the four subgraphs');
        hub.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      log.error({ err: error }, 'failed to start the hub');
      process.exit(1);
    },
  );
}
