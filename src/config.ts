import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { baseUrl, isAbsoluteHttpUrl } from './content/schema-fields.js';
import { LOG_LEVELS, type LogLevel } from './log/logger.js';

/** Everything the environment decides, read and checked once at start, then passed down. */
export interface Config {
  readonly port: number;
  /** The interface `npm start` listens on: every one, by default (it is the public server). */
  readonly host: string;
  /** The interface `npm run dev` listens on: this machine only, unless HOST says otherwise. */
  readonly devHost: string;
  /** SITE_URL: the absolute base URL for canonical links and the sitemap; never from a request. */
  readonly siteUrl: string | undefined;
  /** The base URL when neither SITE_URL nor site.yaml's url says one: this machine's port. */
  readonly fallbackSiteUrl: string;
  readonly contentDir: string;
  readonly viewsDir: string;
  readonly publicDir: string;
  /** Where `npm run build` writes the export. */
  readonly outDir: string;
  /** The disk cache of rendered Markdown and compressed bodies; undefined when CACHE_DIR=off. */
  readonly cacheDir: string | undefined;
  /** Server processes of `npm start`, and the build's worker threads: one per core by default. */
  readonly concurrency: number;
  /** NODE_ENV=production: `npm start` sets it. */
  readonly production: boolean;
  /** `info` logs every request; `warn` only what needs a look; `silent` nothing. */
  readonly logLevel: LogLevel;
  /** TRUST_REQUEST_ID=1: a proxy in front sets X-Request-Id, and its id is kept in the logs. */
  readonly trustRequestId: boolean;
  /** LECTERN_TIMINGS=1: the build prints how long each stage took. */
  readonly timings: boolean;
  /** Lectern's version, from package.json: a disk cache of another version is not read. */
  readonly version: string;
  /** The project folder (package.json's). */
  readonly root: string;
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number, e.g. PORT=3000' })
    .int({ error: 'PORT must be a whole number, e.g. PORT=3000' })
    .min(0, { error: 'PORT must be between 0 and 65535' })
    .max(65535, { error: 'PORT must be between 0 and 65535' })
    .default(3000),
  HOST: z.string().min(1).optional(),
  SITE_URL: z
    .string()
    .refine(isAbsoluteHttpUrl, {
      error:
        'SITE_URL must be an absolute http(s) URL without spaces or control characters, e.g. SITE_URL=https://courses.example.com',
    })
    .optional(),
  CONTENT_DIR: z.string().min(1).default('content'),
  OUT_DIR: z.string().min(1).default('dist'),
  CACHE_DIR: z.string().min(1).default('node_modules/.cache/lectern'),
  WEB_CONCURRENCY: z.coerce
    .number({ error: 'WEB_CONCURRENCY must be a number of processes, e.g. WEB_CONCURRENCY=2' })
    .int({ error: 'WEB_CONCURRENCY must be a whole number, e.g. WEB_CONCURRENCY=2' })
    .min(1, { error: 'WEB_CONCURRENCY must be at least 1' })
    .max(256, { error: 'WEB_CONCURRENCY must be at most 256' })
    .optional(),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  TRUST_REQUEST_ID: z
    .enum(['0', '1'], { error: 'TRUST_REQUEST_ID must be 1 (a proxy sets X-Request-Id) or 0' })
    .default('0'),
  LECTERN_TIMINGS: z
    .enum(['0', '1'], { error: 'LECTERN_TIMINGS must be 1 (print stage timings) or 0' })
    .default('0'),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function versionOf(root: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
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
    host: values.HOST ?? '0.0.0.0',
    devHost: values.HOST ?? '127.0.0.1',
    siteUrl: values.SITE_URL && baseUrl(values.SITE_URL),
    fallbackSiteUrl: `http://localhost:${values.PORT}`,
    contentDir: path.resolve(root, values.CONTENT_DIR),
    viewsDir: path.join(root, 'views'),
    publicDir: path.join(root, 'public'),
    outDir: path.resolve(root, values.OUT_DIR),
    cacheDir: values.CACHE_DIR === 'off' ? undefined : path.resolve(root, values.CACHE_DIR),
    concurrency: values.WEB_CONCURRENCY ?? os.availableParallelism(),
    production: values.NODE_ENV === 'production',
    logLevel: values.LOG_LEVEL,
    timings: values.LECTERN_TIMINGS === '1',
    trustRequestId: values.TRUST_REQUEST_ID === '1',
    version: versionOf(root),
    root,
  };
}
