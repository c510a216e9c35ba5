// `npm start`: set up a fresh clone if needed, then run engine, API, web app and workers on embedded defaults.
import { spawn } from 'node:child_process';
import { bootstrap, root } from './bootstrap.mjs';

try {
  bootstrap();
} catch (error) {
  console.error(`[lianqin] setup failed: ${error.message}`);
  process.exit(1);
}

const stack = spawn(process.execPath, ['--import', 'tsx', 'scripts/run-stack.ts'], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; a SIGTERM sent to this process alone is passed on.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => stack.kill('SIGTERM'));
stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
