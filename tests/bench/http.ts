// Minimal loopback HTTP measurement: raw bytes on the wire and latency percentiles under N concurrent clients.
import http from 'node:http';

export interface RawResponse {
  status: number;
  bytes: number;
  ms: number;
  headers: http.IncomingHttpHeaders;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0, headers: res.headers }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface LoadResult {
  requests: number;
  p50: number;
  p95: number;
  gzipBytes: number;
}

/** `clients` loops issuing `perClient` requests each through `send`; every response must be 200. */
async function measure(
  send: () => Promise<RawResponse>,
  what: string,
  clients: number,
  perClient: number,
): Promise<LoadResult> {
  const times: number[] = [];
  let gzipBytes = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const r = await send();
        if (r.status !== 200) throw new Error(`status ${r.status} for ${what}`);
        times.push(r.ms);
        gzipBytes = r.bytes;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), gzipBytes };
}

export function load(
  urls: () => string,
  headers: Record<string, string> = {},
  clients = 10,
  perClient = 30,
): Promise<LoadResult> {
  return measure(() => rawGet(urls(), { 'Accept-Encoding': 'gzip', ...headers }), urls(), clients, perClient);
}

/** POST with a JSON body, bytes counted as they come over the wire (compressed). */
export function rawPost(url: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0, headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Like `load`, for POST requests with a JSON body (read-only queries such as the area search). */
export function loadPost(
  url: string,
  body: () => unknown,
  headers: Record<string, string> = {},
  clients = 10,
  perClient = 30,
): Promise<LoadResult> {
  return measure(
    () => rawPost(url, JSON.stringify(body()), { 'Accept-Encoding': 'gzip', ...headers }),
    `POST ${url}`,
    clients,
    perClient,
  );
}
