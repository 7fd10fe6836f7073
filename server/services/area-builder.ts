// Area geometry for searches and operations. Drawn polygons and circles are cheap and built here; a buffer around
// many points is built in a worker thread, one at a time, so health checks and reads stay answered while it runs,
// with a time and memory limit; a queue that is full or a build beyond a limit is refused with the limit named.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AreaSpec } from '../../geo/areas';
import { areaGeometry } from '../../geo/areas';
import { AreaLimitError } from '../../geo/buffer';
import type { Area } from '../../geo/spatial';
import { HttpError } from '../http/errors';
import type { BufferReply, BufferTask } from './area-worker';

export const AREA_WORK_LIMITS = {
  /** Buffers with at most this many points are built in place: a few milliseconds. */
  inlinePoints: 16,
  /** Longest a build may run before the worker is stopped. */
  timeoutMs: 15_000,
  /** Heap of the worker thread, in MB. */
  heapMb: 256,
  /** Builds waiting for the worker beyond the running one. */
  queue: 8,
};

const refusal = (limit: string, vi: string, en: string) => new HttpError(422, 'area_too_large', vi, en, { limit });

/** A worker thread's file beside this module: JavaScript in the build; from source, loaded through tsx's API
 *  (Node 20 does not apply `--import tsx` to a worker's own entry file). */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: AREA_WORK_LIMITS.heapMb };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./area-worker.js', import.meta.url), { resourceLimits });
  const entry = new URL('./area-worker.ts', import.meta.url).href;
  const require = createRequire(import.meta.url);
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = (require(tsxPackage) as { exports: Record<string, { import: { default: string } }> }).exports[
    './esm/api'
  ]!.import.default;
  const tsx = pathToFileURL(join(dirname(tsxPackage), tsxApi)).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`,
    { eval: true, resourceLimits },
  );
}

interface Pending {
  task: BufferTask;
  resolve: (a: Area) => void;
  reject: (e: Error) => void;
}

class BufferWorker {
  private worker: Worker | null = null;
  private running: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;

  build(points: [number, number][], radiusM: number): Promise<Area> {
    if (this.waiting.length >= AREA_WORK_LIMITS.queue)
      return Promise.reject(
        new HttpError(
          503,
          'area_busy',
          'Máy chủ đang tính các vùng khác, hãy thử lại sau ít phút',
          'The server is building other areas; try again in a few minutes',
        ),
      );
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { id: this.nextId++, points, radiusM }, resolve, reject });
      this.next();
    });
  }

  private next() {
    if (this.running || !this.waiting.length) return;
    const job = (this.running = this.waiting.shift()!);
    const worker = this.ensureWorker();
    worker.ref();
    this.timer = setTimeout(
      () =>
        this.fail(
          refusal(
            'timeoutMs',
            `Vùng cần hơn ${AREA_WORK_LIMITS.timeoutMs / 1000} giây để tính: hãy bớt điểm hoặc giảm bán kính`,
            `The area takes more than ${AREA_WORK_LIMITS.timeoutMs / 1000} s to build: use fewer points or a smaller radius`,
          ),
        ),
      AREA_WORK_LIMITS.timeoutMs,
    );
    worker.postMessage(job.task);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (reply: BufferReply) => this.settle(reply));
    worker.on('error', (e) =>
      this.fail(
        (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refusal(
              'heapMb',
              `Vùng cần hơn ${AREA_WORK_LIMITS.heapMb} MB bộ nhớ để tính`,
              `The area needs more than ${AREA_WORK_LIMITS.heapMb} MB of memory to build`,
            )
          : e,
      ),
    );
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = null;
        this.fail(new Error('area worker stopped'));
      }
    });
    return (this.worker = worker);
  }

  private settle(reply: BufferReply) {
    const job = this.running;
    if (!job || job.task.id !== reply.id) return;
    this.finish();
    if ('geometry' in reply) job.resolve(reply.geometry);
    else if ('limit' in reply) job.reject(refusal(reply.limit.limit, reply.limit.vi, reply.limit.en));
    else job.reject(new Error(reply.failure));
  }

  /** Ends the running build with an error and drops the worker (a fresh one starts for the next build). */
  private fail(error: Error) {
    const job = this.running;
    if (!job) return;
    const worker = this.worker;
    this.worker = null;
    this.finish();
    void worker?.terminate();
    job.reject(error);
  }

  private finish() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
    this.worker?.unref();
    this.next();
  }
}

const buffers = new BufferWorker();

/** The geometry an area spec stands for; 422 naming the limit when it is too large to build. */
export async function buildArea(spec: AreaSpec): Promise<Area> {
  if (spec.type === 'buffer' && spec.points.length > AREA_WORK_LIMITS.inlinePoints)
    return buffers.build(spec.points, spec.radiusM);
  try {
    return areaGeometry(spec);
  } catch (e) {
    if (e instanceof AreaLimitError) throw refusal(e.limit, e.vi, e.en);
    throw e;
  }
}
