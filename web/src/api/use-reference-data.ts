import { computed, type ComputedRef, type ShallowRef } from 'vue';
import type { DepartmentView, ReferenceData } from '@contracts/reference';
import { currentLocale } from '@/i18n';
import { useJsonQuery } from './use-json.query';

/** What useReferenceData returns. */
export interface UseReferenceDataReturn {
  /** The reference data, or null until it arrives (or when it could not be loaded). */
  data: ShallowRef<ReferenceData | null>;
  /** Departments and units, in the server's order. */
  departments: ComputedRef<DepartmentView[]>;
  /** A department's name in the current language; the code itself when it is unknown. */
  departmentName: (code: string | null | undefined) => string;
}

/** GET /api/reference (categories, departments, streets), fetched once per page load and shared by every caller. */
export function useReferenceData(): UseReferenceDataReturn {
  const { data } = useJsonQuery<ReferenceData>('/api/reference', { cache: true });
  const departments = computed(() => data.value?.departments ?? []);
  function departmentName(code: string | null | undefined): string {
    if (!code) return '';
    const department = data.value?.departments.find((candidate) => candidate.code === code);
    if (!department) return code;
    return currentLocale.value === 'en' ? department.nameEn : department.nameZh;
  }
  return { data, departments, departmentName };
}
