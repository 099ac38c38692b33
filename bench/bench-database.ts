// The benchmark's PostgreSQL: DATABASE_URL when set, else an embedded cluster of its own per scale (never ./.data/pg).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { APP_ROLE, startEmbeddedPostgres } from '../server/database/embedded-postgres';

export interface BenchDatabase {
  /** The application's role (owner of the tables, no superuser): what the server and the generator use. */
  url: string;
  /** A superuser, for roles and settings; equal to url with DATABASE_URL. */
  superuserUrl: string;
  embedded: boolean;
  /** The embedded cluster's postmaster, whose CPU and its backends' the runners count; unknown with DATABASE_URL. */
  postmasterPid?: number;
  stop(): Promise<void>;
}

export const PROJECT_ROOT = resolve(__dirname, '..');

/** The value after `--name` on the command line, if it is there. */
export function optionArgument(name: string, argv = process.argv.slice(2)): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

export function scaleArgument(argv = process.argv.slice(2)): number {
  const index = argv.indexOf('--scale');
  const raw = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length);
  const scale = Number(raw ?? 1);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`--scale must be a positive number, got "${raw}"`);
  return scale;
}

/**
 * The embedded cluster's shared_buffers: `--shared-buffers <size>`, else PostgreSQL's own default (128MB). Without it a
 * scale whose data outgrows the buffers reads from the kernel's cache, which a production server sized to its data
 * would not; the runs record which setting they had. Ignored with DATABASE_URL (that server has its own settings).
 */
export function sharedBuffersArgument(argv = process.argv.slice(2)): string | undefined {
  const index = argv.indexOf('--shared-buffers');
  if (index < 0) return undefined;
  const size = argv[index + 1];
  if (!size || !/^\d+(kB|MB|GB)$/.test(size)) throw new Error(`--shared-buffers takes a size such as 1GB or 512MB, got "${size}"`);
  return size;
}

export function benchDataDir(scale: number): string {
  return join(PROJECT_ROOT, '.data', `bench-S${scale}`);
}

export async function openBenchDatabase(scale: number): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    return { url, superuserUrl: url, embedded: false, stop: async () => undefined };
  }
  const sharedBuffers = sharedBuffersArgument();
  const embedded = await startEmbeddedPostgres({
    dataDir: benchDataDir(scale),
    database: 'registry',
    appRole: APP_ROLE,
    settings: sharedBuffers ? { shared_buffers: sharedBuffers } : undefined,
  });
  const postmasterPid = Number((await readFile(join(benchDataDir(scale), 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return { url: embedded.url, superuserUrl: embedded.superuserUrl, embedded: true, postmasterPid, stop: () => embedded.stop() };
}
