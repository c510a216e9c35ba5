import { toValue, type MaybeRefOrGetter } from 'vue';
import type { DefinitionXml } from '@contracts/process-versions';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { definitionXmlPath } from '../requests';

/** What useDefinitionXmlQuery returns. */
export type UseDefinitionXmlQueryReturn = UseJsonQueryReturn<DefinitionXml>;

/** GET /api/designer/definitions/:id/xml; a version's model never changes, so it is kept for the page's life. */
export function useDefinitionXmlQuery(id: MaybeRefOrGetter<string>): UseDefinitionXmlQueryReturn {
  return useJsonQuery<DefinitionXml>(() => definitionXmlPath(toValue(id)), { cache: true });
}
