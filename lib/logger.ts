import pino from 'pino';

/**
 * One logger shape for all five services. Personal data never goes into a log line:
 * the redact list is a safety net for fields that carry it.
 */
export function createLogger(service: string) {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL || 'info',
    redact: {
      paths: ['*.idNumber', '*.phone', '*.careTags', 'variables', '*.variables', 'req.headers.authorization'],
      censor: '[masked]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
