import pino from 'pino';
import { logLevel } from './config';

/**
 * One logger shape for all five services. Personal data never goes into a log line:
 * the redact list is a safety net for fields that carry it.
 */
export function createLogger(service: string) {
  return pino({
    name: service,
    level: logLevel(),
    redact: {
      paths: ['*.idNumber', '*.phone', '*.careTags', 'variables', '*.variables', 'req.headers.authorization'],
      censor: '[masked]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
