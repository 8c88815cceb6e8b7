import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives each test run an empty folder for PGlite templates (see createTestDatabase), so a template never
 * outlives the code that made it; removed when the run ends.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ipf-test-templates-'));
  process.env['IPF_TEST_TEMPLATE_DIR'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
