import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log/logger.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute base URL for canonical links and the sitemap; never taken from a request. */
  readonly siteUrl: string | undefined;
  readonly contentDir: string;
  readonly viewsDir: string;
  readonly publicDir: string;
  readonly production: boolean;
  /** `info` logs every request; `warn` only what needs a look; `silent` nothing. */
  readonly logLevel: LogLevel;
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number, e.g. PORT=3000' })
    .int({ error: 'PORT must be a whole number, e.g. PORT=3000' })
    .min(0, { error: 'PORT must be between 0 and 65535' })
    .max(65535, { error: 'PORT must be between 0 and 65535' })
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SITE_URL: z
    .url({
      protocol: /^https?$/,
      error: 'SITE_URL must be an absolute http(s) URL, e.g. SITE_URL=https://courses.example.com',
    })
    .optional(),
  CONTENT_DIR: z.string().min(1).default('content'),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment once, at start; every problem is named with its fix. */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
): Config {
  const result = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const values = result.data;
  return {
    port: values.PORT,
    host: values.HOST,
    siteUrl: values.SITE_URL?.replace(/\/+$/, ''),
    contentDir: path.resolve(root, values.CONTENT_DIR),
    viewsDir: path.join(root, 'views'),
    publicDir: path.join(root, 'public'),
    production: values.NODE_ENV === 'production',
    logLevel: values.LOG_LEVEL,
  };
}
