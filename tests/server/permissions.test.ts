// Permissions are declared, not sprinkled: every API endpoint either names what it needs through the permission
// middleware or is one of the few open to anyone (sign-in, health) or to any signed-in user (own password); every
// permission of the table is checked somewhere; and the grants are the ones the product documents.
import { describe, expect, it } from 'vitest';
import { GRANTS } from '../../server/contracts/permissions';
import { createApp } from '../../server/app';
import { permissionsOf } from '../../server/http/permissions';
import { createTestDatabase } from '../helpers/db';

const PERMISSIONS = [
  'read_map',
  'read_hotspot_details',
  'write_hotspots',
  'read_proposals',
  'propose',
  'decide',
  'admin_users',
  'read_audit',
  'manage_boundaries',
  'manage_reporting',
];

/** Open without a permission: before sign-in, or the signed-in user's own session and password. */
const OPEN = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
];

/** What the app's router says each endpoint needs (method path → permissions, any one of them). */
async function declared(): Promise<Map<string, string[]>> {
  const database = await createTestDatabase();
  try {
    const app = createApp({ database });
    const guards = app.routes.filter((r) => permissionsOf(r.handler));
    const endpoints = new Map<string, string[]>();
    for (const r of app.routes) {
      if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
      const key = `${r.method} ${r.path}`;
      const covering = guards.filter(
        (g) =>
          (g.method === r.method && g.path === r.path) ||
          (g.method === 'ALL' && g.path.endsWith('/*') && (r.path + '/').startsWith(g.path.slice(0, -1))),
      );
      const needs = covering.flatMap((g) => [...permissionsOf(g.handler)!]);
      endpoints.set(key, [...new Set([...(endpoints.get(key) ?? []), ...needs])].sort());
    }
    return endpoints;
  } finally {
    await database.close();
  }
}

describe('the permission table', () => {
  it('grants each role what PRODUCT.md gives it', () => {
    expect(GRANTS).toEqual({
      admin: PERMISSIONS,
      leader: ['read_map', 'read_proposals'],
      police: ['read_map', 'read_hotspot_details', 'write_hotspots'],
      editor: ['read_map', 'read_proposals', 'propose'],
      approver: ['read_map', 'read_proposals', 'decide'],
    });
  });

  it('is checked by a middleware on every endpoint but the open ones, and each permission is used', async () => {
    const endpoints = await declared();
    expect(endpoints.size).toBeGreaterThan(40);
    const unguarded = [...endpoints].filter(([, needs]) => needs.length === 0).map(([key]) => key);
    expect(unguarded.sort()).toEqual([...OPEN].sort());
    const used = new Set([...endpoints.values()].flat());
    expect([...used].sort()).toEqual([...PERMISSIONS].sort());
    // A few endpoints whose permission is the point of the product's need-to-know rule.
    expect(endpoints.get('GET /api/hotspots')).toEqual(['read_hotspot_details']);
    expect(endpoints.get('GET /api/hotspots/counts')).toEqual(['read_map']);
    expect(endpoints.get('POST /api/hotspots')).toEqual(['write_hotspots']);
    expect(endpoints.get('POST /api/proposals/:id/approve')).toEqual(['decide']);
    expect(endpoints.get('GET /api/audit/export.csv')).toEqual(['read_audit']);
    expect(endpoints.get('GET /api/statuses')).toEqual(['read_map']);
    expect(endpoints.get('POST /api/reported/values')).toEqual(['propose']);
    expect(endpoints.get('POST /api/reported/values/:id/decision')).toEqual(['decide']);
    expect(endpoints.get('POST /api/reported/reopenings')).toEqual(['manage_reporting']);
    expect(endpoints.get('POST /api/reported/upload')).toEqual(['propose']);
  });
});
