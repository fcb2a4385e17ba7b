import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../store/index.js';

export async function migrateCommand(): Promise<number> {
  const dataDir = process.env.SBSS_DATA_DIR ?? '.sbss';
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'sbss.db');
  migrate(file);
  console.log(`Database ${file} is up to date`);
  return 0;
}
