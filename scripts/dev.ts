// npm run dev: the API server (port 8080) and Vite's dev server with hot reload, together.
import { spawn, spawnSync } from 'node:child_process';

if (spawnSync('npx', ['tsx', 'scripts/build-fonts.ts'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const children = [
  spawn('npx', ['tsx', 'watch', 'server/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
