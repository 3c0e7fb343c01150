import { DEV_CLIENT_PUBLIC_JWK } from '../../lib/auth/dev-keys';
import { resetInternalSecret } from '../../lib/auth/internal-token';

/**
 * A production gateway refuses the development key and secret. A test file that starts one next
 * to its test hub gives both a real secret and the development key as a configured one (so the
 * development tokens still verify), and puts the environment back afterwards.
 */
const PRODUCTION_ENV = {
  AUTH_PUBLIC_KEY: JSON.stringify({ ...DEV_CLIENT_PUBLIC_JWK, alg: 'EdDSA' }),
  HUB_INTERNAL_SECRET: 'production-test-internal-secret-0123456789',
};

export function useProductionSecrets(): { restore(): void } {
  const saved = Object.fromEntries(Object.keys(PRODUCTION_ENV).map((name) => [name, process.env[name]]));
  Object.assign(process.env, PRODUCTION_ENV);
  resetInternalSecret();
  return {
    restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetInternalSecret();
    },
  };
}
