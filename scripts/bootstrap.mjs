// Plain Node (no dependencies): makes a fresh clone runnable. Used by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const engineJar = path.join(root, 'engine', 'target', 'lianqin-engine.jar');
const webIndex = path.join(root, 'web', 'dist', 'index.html');

/** Runs a command in the repository root, failing loudly with its name. */
export function run(command, args, options = {}) {
  console.log(`[lianqin] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Newest modification time of a file or of any file below a folder. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newest(path.join(target, name))));
}

/** npm install when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && newest(marker) >= newest(path.join(root, 'package-lock.json'))) return;
  run('npm', [existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

/** Builds the engine jar when missing or older than engine/ sources (Maven reuses ~/.m2). */
export function ensureEngineJar() {
  const sources = Math.max(newest(path.join(root, 'engine', 'pom.xml')), newest(path.join(root, 'engine', 'src')));
  if (existsSync(engineJar) && newest(engineJar) >= sources) return;
  run('mvn', ['-B', '-q', '-f', path.join('engine', 'pom.xml'), '-DskipTests', 'package']);
}

/** Builds the web app when missing or older than web/ sources or the shared contracts. */
export function ensureWebBuild() {
  const sources = Math.max(
    newest(path.join(root, 'web', 'src')),
    newest(path.join(root, 'web', 'index.html')),
    newest(path.join(root, 'web', 'vite.config.ts')),
    newest(path.join(root, 'server', 'src', 'contracts')),
  );
  if (existsSync(webIndex) && newest(webIndex) >= sources) return;
  run('npm', ['run', 'build', '-w', 'web']);
}

/** Everything a fresh clone needs before it can run. */
export function bootstrap() {
  ensureDependencies();
  ensureEngineJar();
  ensureWebBuild();
}
