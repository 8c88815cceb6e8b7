import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api/api-problem.ts';
import { sessionQueryKey } from './session/use-session.ts';

/**
 * The app's query client. A 401 from any call means the session ended: the session query is set to null,
 * which makes RequireSession send the user to the log-in page. 4xx answers are not retried.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiProblem(error, 401)) client.setQueryData(sessionQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
