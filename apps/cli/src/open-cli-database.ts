import { loadConfig } from '@ipf/config';
import type { DatabaseHandle } from '@ipf/db';
import type { AppDeps } from '@ipf/app';

/**
 * Opens the configured database for a CLI command. With PGlite this takes the folder lock, so while the server
 * runs the command refuses with DATA_FOLDER_LOCKED (use the server's API instead, or stop it first).
 */
export async function withCliDatabase<T>(
  work: (deps: AppDeps, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  // Loaded on demand: pure commands never pay for the database driver and the use-case layer.
  const [{ openDatabase }, { createAppDeps }] = await Promise.all([import('@ipf/db'), import('@ipf/app')]);
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    return await work(createAppDeps(config, handle.db, quiet), handle);
  } finally {
    await handle.close();
  }
}
