import type { ClientSettings } from '@contracts/reference';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';

/** What useClientSettingsQuery returns. */
export type UseClientSettingsQueryReturn = UseJsonQueryReturn<ClientSettings>;

/** GET /api/settings/client: the map's tile layer (or none, offline), cached per page load. */
export function useClientSettingsQuery(): UseClientSettingsQueryReturn {
  return useJsonQuery<ClientSettings>('/api/settings/client', { cache: true });
}
