import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSettings, DistrictGeoJson, ReferenceData } from '../../contracts/reference.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';

let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false', MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© 示例图源' });
  api = await ApiClient.signedIn(server.url, 'huanwei');
});

afterAll(async () => {
  await server?.stop();
});

describe('reference data', () => {
  it('lists the categories, departments and streets of the seeded district', async () => {
    const reference = await api.get<ReferenceData>('/api/reference');
    expect(reference.categories.find((c) => c.code === 'E0102')).toMatchObject({ name: '暴露垃圾', nameEn: 'Exposed garbage' });
    expect(reference.departments.filter((d) => d.kind === 'department').map((d) => d.code).sort()).toEqual(['commerce', 'public-security', 'sanitation', 'urban-management']);
    expect(reference.streets.length).toBeGreaterThan(0);
  });

  it('tells the browser the configured base map, and nothing else of the configuration', async () => {
    const settings = await api.get<ClientSettings>('/api/settings/client');
    expect(settings).toEqual({ map: { tileUrl: 'https://tiles.example.cn/{z}/{x}/{y}.png', tileAttribution: '© 示例图源' } });
  });

  it('serves the district grids as GeoJSON without the inspectors’ accounts', async () => {
    const district = await api.get<DistrictGeoJson>('/api/geo/district');
    const grids = district.features.filter((f) => f.properties.level === 'grid');
    expect(grids.length).toBeGreaterThan(10);
    expect(grids[0]!.geometry.type).toBe('Polygon');
    expect(JSON.stringify(district)).not.toContain('inspector');
  });

  it('answers 401 without a session', async () => {
    for (const path of ['/api/reference', '/api/settings/client', '/api/geo/district']) expect((await new ApiClient(server.url).raw('GET', path)).status).toBe(401);
  });
});
