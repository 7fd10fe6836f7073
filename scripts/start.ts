// npm start: builds the product when a source changed since the last build (or none exists), then runs the built
// server and passes it the signals sent to `npm start` (Ctrl+C, a service manager's SIGTERM); its exit code is this
// one's. package.json starts this with `exec`, so that npm's `sh -c` is replaced by it instead of standing between
// (a shell waiting on a command dies of SIGTERM without passing it on, and the server ran on). A service manager can run `node dist/server/main.js` directly after a
// build (`npm run build`), with no build step at start.
import { spawn, spawnSync } from 'node:child_process';
import { buildNeeded } from './build-freshness';

const why = buildNeeded(process.cwd());
if (why) {
  console.log(`Building (${why})…`);
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = spawn(process.execPath, ['dist/server/main.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) =>
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15) : 1)),
);
