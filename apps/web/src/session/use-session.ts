import { useQuery } from '@tanstack/react-query';
import { authApi } from '../api/auth-api.ts';

/** Query key of the signed-in session; a 401 anywhere sets its data to null (see createQueryClient). */
export const sessionQueryKey = ['session'] as const;

/** The signed-in session (null when signed out), loaded once and shared by the whole app. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: () => authApi.findSession(),
    staleTime: 60_000,
  });
}
