import { toValue, type MaybeRefOrGetter } from 'vue';
import type { UserView } from '@contracts/users';
import { useJsonQuery, type UseJsonQueryReturn } from '@/api/use-json.query';
import { usersPath, type UserFilters } from '../requests';

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
export interface UseUsersQueryReturn extends UseJsonQueryReturn<{ items: UserView[] }> {
  /** Puts a changed account in place of its old row without fetching the list again. */
  replace: (user: UserView) => void;
}

const noFilters: UserFilters = { q: '', departmentCode: '', role: '', active: '' };

/** GET /api/users with filters, kept up to date as the filters change. */
export function useUsersQuery(options: UseUsersQueryOptions = {}): UseUsersQueryReturn {
  const { filters = noFilters, debounceMs = 300 } = options;
  const query = useJsonQuery<{ items: UserView[] }>(() => usersPath(toValue(filters)), { debounceMs });

  function replace(user: UserView): void {
    const items = query.data.value?.items ?? [];
    query.data.value = { items: items.map((item) => (item.id === user.id ? user : item)) };
  }

  return { ...query, replace };
}
