import { useI18n } from 'vue-i18n';
import { useReferenceData } from '@/api/use-reference-data';

/** What useShopLabels returns: names of the codes a shop file holds, in the current language. */
export interface UseShopLabelsReturn {
  /** 占道经营 for street-vending; a code the app does not know is shown as it is. */
  violationType: (code: string) => string;
  /** 责令改正 for order-to-correct. */
  measure: (code: string) => string;
  /** The agency's department name. */
  agency: (code: string) => string;
}

/** Names of violation types, measures and agencies for the shop screens. */
export function useShopLabels(): UseShopLabelsReturn {
  const { t, te } = useI18n();
  const { departmentName } = useReferenceData();
  const known = (prefix: string, code: string) => (te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code);
  return {
    violationType: (code) => known('shops.violationType', code),
    measure: (code) => known('shops.measure', code),
    agency: (code) => departmentName(code),
  };
}
