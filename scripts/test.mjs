// `npm test`: set up a fresh clone if needed, type-check, then run the whole Vitest suite against a real engine.
import { bootstrap, run } from './bootstrap.mjs';

try {
  bootstrap();
  run('npx', ['tsc', '-p', 'tsconfig.json']);
  run('npm', ['run', 'typecheck', '-w', 'web']);
  run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
} catch (error) {
  console.error(`[lianqin] ${error.message}`);
  process.exit(1);
}
