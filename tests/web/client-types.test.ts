// End-to-end types of the Hono RPC client (checked by `npm run typecheck`, which `npm test` runs first).
import { hc } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { IndicatorId } from '../../geo/indicators';
import type { CommuneStatus } from '../../geo/status';
import type { AppType } from '../../server/app';

const client = hc<AppType>('http://localhost');
type Json<F extends (...a: never[]) => Promise<{ json(): Promise<unknown> }>> = Awaited<
  ReturnType<Awaited<ReturnType<F>>['json']>
>;

describe('typed API client', () => {
  it('carries response types from the server', () => {
    type Indicators = Json<typeof client.api.indicators.$get>;
    expectTypeOf<
      Extract<Indicators, { indicators: unknown }>['indicators'][number]['id']
    >().toEqualTypeOf<IndicatorId>();
    type Statuses = Json<typeof client.api.statuses.$get>;
    expectTypeOf<
      NonNullable<Extract<Statuses, { statuses: unknown }>['statuses'][string]>['status']
    >().toEqualTypeOf<CommuneStatus>();
    type Health = Json<typeof client.api.health.$get>;
    expectTypeOf<Health['database']>().toEqualTypeOf<'pglite' | 'postgres'>();
  });

  it('carries request parameter types', () => {
    expectTypeOf(client.api.indicators.$get).parameter(0).toHaveProperty('query');
    expectTypeOf(client.api.communes[':code'].$get).parameter(0).toHaveProperty('param');
  });
});
