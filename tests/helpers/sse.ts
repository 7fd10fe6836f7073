// Reads a Server-Sent Events response in the background, keeping every event (live-stream specs).
import { expect } from 'vitest';

export type Event = { event: string; data: any };
/**
 * Reads an SSE response as an open dashboard does: all the time, in the background, keeping every event. No clock:
 * a test waits for the event it expects (its own timeout is the only limit).
 */
export function sse(res: Response) {
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const seen: Event[] = [];
  let ended: Error | null = null;
  let notify = () => {};
  const pump = (async () => {
    let buf = '';
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buf += decoder.decode(chunk.value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          seen.push({ event, data: data ? JSON.parse(data) : null });
        }
        notify();
      }
      ended = new Error('the stream ended');
    } catch (e) {
      ended = e as Error;
    }
    notify();
  })();
  let cursor = 0;
  return {
    /** Every event up to and including the first (after the last one waited for) that matches. */
    async until(match: (e: Event) => boolean): Promise<Event[]> {
      for (;;) {
        while (cursor < seen.length) if (match(seen[cursor++]!)) return seen.slice(0, cursor);
        if (ended) throw new Error(`${ended.message}; seen: ${JSON.stringify(seen)}`);
        await new Promise<void>((resolve) => (notify = resolve));
      }
    },
    /** Resolves with every event once the server has ended the stream. */
    ended: async () => {
      await pump;
      return seen;
    },
    close: async () => {
      await reader.cancel();
      await pump;
    },
  };
}
