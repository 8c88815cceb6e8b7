import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const defaultPageSize = 20;

/**
 * Filters and paging of a list page kept in the URL (`?q=…&page=2`), so reloading or going back from a detail
 * page returns to the same list. Changing a filter goes back to page 1.
 */
export function useListSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const text = (name: string): string | undefined => {
    const value = searchParams.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const positive = (name: string, fallback: number): number => {
    const value = Number.parseInt(searchParams.get(name) ?? '', 10);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };

  const setFilters = useCallback(
    (changes: Record<string, string | boolean | undefined>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === '' || value === false) next.delete(name);
          else next.set(name, value === true ? 'true' : value);
        }
        next.delete('page');
        return next;
      });
    },
    [setSearchParams],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set('page', String(page));
        next.set('pageSize', String(pageSize));
        return next;
      });
    },
    [setSearchParams],
  );

  return {
    text,
    flag: (name: string): boolean => searchParams.get(name) === 'true',
    page: positive('page', 1),
    pageSize: Math.min(positive('pageSize', defaultPageSize), 100),
    setFilters,
    setPage,
  };
}
