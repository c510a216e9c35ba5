import { toValue, type MaybeRefOrGetter } from 'vue';
import type { DefinitionVersion } from '@contracts/process-versions';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { versionsPath } from '../requests';

/** What useVersionsQuery returns. */
export type UseVersionsQueryReturn = UseJsonQueryReturn<DefinitionVersion[]>;

/** GET /api/designer/processes/:key/versions, fetched again when the key changes. */
export function useVersionsQuery(key: MaybeRefOrGetter<string>): UseVersionsQueryReturn {
  return useJsonQuery<DefinitionVersion[]>(() => versionsPath(toValue(key)));
}
