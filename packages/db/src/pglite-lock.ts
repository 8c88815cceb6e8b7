import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@ipf/domain/errors';

/**
 * PGlite has no lock across processes: two processes on one folder silently lose writes. The first process
 * takes `<dataDir>/.ipf.lock` (O_EXCL) with its pid; a second one fails with DATA_FOLDER_LOCKED naming the
 * holder. A lock left by a dead process is taken over.
 */
export function acquirePgliteLock(dataDir: string, pid: number = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, '.ipf.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DomainError('DATA_FOLDER_LOCKED', { path: dataDir, pid: holder });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DomainError('DATA_FOLDER_LOCKED', { path: dataDir, pid: 'unknown' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
