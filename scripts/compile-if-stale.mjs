// `npm start` runs this first: it compiles src/ into build/ only when a source file or the
// compiler's configuration is newer than the last compilation (tsc takes seconds even when
// there is nothing to do).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'build', '.tsbuildinfo');

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function compiledAt() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
}

const inputs = [
  newestIn(path.join(root, 'src')),
  ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map(
    (name) => statSync(path.join(root, name)).mtimeMs,
  ),
];
if (Math.max(...inputs) >= compiledAt()) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc leaves its stamp alone when nothing needed emitting: the stamp says it was checked now.
  if (result.status === 0) utimesSync(stamp, new Date(), new Date());
  process.exit(result.status ?? 1);
}
