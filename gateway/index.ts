import { createLogger } from '../lib/logger';
import { startGateway } from './server';

/** The gateway alone: subgraph URLs from the supergraph file or GRID_URL, PARTY_BUILDING_URL, ... */
if (require.main === module) {
  const log = createLogger('gateway');
  startGateway().then(
    (gateway) => {
      const stop = () => gateway.stop().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      log.error({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
