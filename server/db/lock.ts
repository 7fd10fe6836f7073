// Exclusive lock on the embedded data directory: PGlite lets two processes open it and then loses rows.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Data directory ${dir} is in use by process ${pid}. Stop that server first.\n` +
        `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. Hãy dừng máy chủ đó trước.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When a process started (clock ticks since boot, from /proc on Linux); null where that cannot be read. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null; // field 22, counted after "pid (comm)"
  } catch {
    return null;
  }
}

/** This process, as the lock file names it: its pid and its start time, which a later process with the same pid
 *  (PID 1 in every container start, or a pid reused after a crash) does not share. */
const identity = () => `${process.pid} ${startTimeOf(process.pid) ?? ''}`.trim();

/** Whether the process the lock file names is still the one running. */
function holderAlive(recorded: string): number | null {
  const [pidText, started] = recorded.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  const now = startTimeOf(pid);
  return started && now !== null && now !== started ? null : pid;
}

/**
 * Takes the lock (a file created with O_EXCL naming our pid and start time). A lock held by a live process, this
 * one included, is refused; a lock left by a dead process, or by an earlier process that had our pid, is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '..', `${dir.split(/[\\/]/).filter(Boolean).pop()}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, identity());
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = holderAlive(readFileSync(path, 'utf8'));
      if (pid !== null) throw new DataDirLockedError(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
