import { load } from './tests/bench/http';
const u = 'http://127.0.0.1:8093';
for (const [name, url] of [['health', '/api/health'], ['statuses', '/api/statuses?date=2024-01-01'], ['boundaries', '/api/boundaries'], ['indicators', '/api/indicators?date=2024-05-05']]) {
  await load(() => u + url, 1, 20);
  const one = await load(() => u + url, 1, 100);
  const ten = await load(() => u + url, 10, 30);
  console.log(name, 'c1 p50', one.p50.toFixed(2), 'c10 p50', ten.p50.toFixed(2), 'p95', ten.p95.toFixed(2));
}
