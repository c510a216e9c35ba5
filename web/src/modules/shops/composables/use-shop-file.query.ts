import { toValue, type MaybeRefOrGetter } from 'vue';
import type { ShopFileView } from '@contracts/shops';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { shopFilePath } from '../requests';

/** What useShopFileQuery returns. */
export type UseShopFileQueryReturn = UseJsonQueryReturn<ShopFileView>;

/** GET /api/shops/:id: the shop's file (一店一档), fetched again when the id changes. */
export function useShopFileQuery(id: MaybeRefOrGetter<number>): UseShopFileQueryReturn {
  return useJsonQuery<ShopFileView>(() => shopFilePath(toValue(id)));
}
