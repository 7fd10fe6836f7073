// Worker thread entry: builds a buffer area off the server's event loop (area-builder.ts sends the work).
import { parentPort } from 'node:worker_threads';
import { AreaLimitError, pointsBuffer } from '../../geo/buffer';

export interface BufferTask {
  id: number;
  points: [number, number][];
  radiusM: number;
}
export type BufferReply =
  | { id: number; geometry: ReturnType<typeof pointsBuffer> }
  | { id: number; limit: { limit: string; vi: string; en: string } }
  | { id: number; failure: string };

parentPort!.on('message', (task: BufferTask) => {
  let reply: BufferReply;
  try {
    reply = { id: task.id, geometry: pointsBuffer(task.points, task.radiusM) };
  } catch (e) {
    reply =
      e instanceof AreaLimitError
        ? { id: task.id, limit: { limit: e.limit, vi: e.vi, en: e.en } }
        : { id: task.id, failure: String(e) };
  }
  parentPort!.postMessage(reply);
});
