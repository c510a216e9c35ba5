import type { DistrictGeoJson } from '@contracts/reference';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';

/** What useDistrictGeoQuery returns. */
export type UseDistrictGeoQueryReturn = UseJsonQueryReturn<DistrictGeoJson>;

/** GET /api/geo/district: the district's streets and unit grids for picking and showing an operation's area (cached per page load). */
export function useDistrictGeoQuery(): UseDistrictGeoQueryReturn {
  return useJsonQuery<DistrictGeoJson>('/api/geo/district', { cache: true });
}
