import { loadConfig } from '@ipf/config';
import { openDatabase, type DatabaseHandle } from '@ipf/db';
import { createAppDeps, type AppDeps } from '@ipf/app';

/**
 * Opens the configured database for a CLI command. With PGlite this takes the folder lock, so while the server
 * runs the command refuses with DATA_FOLDER_LOCKED (use the server's API instead, or stop it first).
 */
export async function withCliDatabase<T>(
  work: (deps: AppDeps, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    return await work(createAppDeps(config, handle.db, quiet), handle);
  } finally {
    await handle.close();
  }
}
