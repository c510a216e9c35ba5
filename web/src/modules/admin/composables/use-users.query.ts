import { toValue, type MaybeRefOrGetter } from 'vue';
import type { UserView } from '@contracts/users';
import { fetchUsers, type UserFilters } from '../requests';
import { useApiQuery, type UseApiQueryReturn } from './use-api-query';

/** Options of useUsersQuery. */
export interface UseUsersQueryOptions {
  /**
   * The filters; the list is fetched again whenever they change.
   * @default no filters
   */
  filters?: MaybeRefOrGetter<UserFilters>;
  /**
   * How long to wait after a filter change before fetching.
   * @default 300
   */
  debounceMs?: number;
}

/** What useUsersQuery returns: the accounts, and the ways to refresh or patch the list. */
export interface UseUsersQueryReturn extends UseApiQueryReturn<{ items: UserView[] }> {
  /** Puts a changed account in place of its old row without fetching the list again. */
  replace: (user: UserView) => void;
}

const noFilters: UserFilters = { q: '', departmentCode: '', role: '', active: '' };

/** GET /api/users with filters, kept up to date as the filters change. */
export function useUsersQuery(options: UseUsersQueryOptions = {}): UseUsersQueryReturn {
  const { filters = noFilters, debounceMs } = options;
  const query = useApiQuery(() => ({ ...toValue(filters) }), fetchUsers, { initial: { items: [] }, debounceMs });

  function replace(user: UserView): void {
    query.data.value = { items: query.data.value.items.map((item) => (item.id === user.id ? user : item)) };
  }

  return { ...query, replace };
}
