import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropServerTestTemplates } from '@ipf/db';

/**
 * Gives each test run an empty folder for PGlite templates (see createTestDatabase), so a template never
 * outlives the code that made it; removed when the run ends, with the run's template databases on a
 * PostgreSQL server (`DATABASE_URL`).
 */
export default function setup(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ipf-test-templates-'));
  process.env['IPF_TEST_TEMPLATE_DIR'] = dir;
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const databaseUrl = process.env['DATABASE_URL'];
    if (databaseUrl !== undefined && databaseUrl !== '') await dropServerTestTemplates(databaseUrl, dir);
  };
}
