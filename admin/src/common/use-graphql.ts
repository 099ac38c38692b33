// Pages that need more than one record (trees, traces, charts) ask the same public API directly, cached by react-query.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify } from 'react-admin';

import { graphql } from '../providers/graphql-client';

export function useGraphQL<T>(
  key: unknown[],
  query: string,
  variables?: Record<string, unknown>,
  options: { enabled?: boolean; retry?: boolean } = {},
) {
  return useQuery<T, Error>({
    queryKey: ['graphql', ...key],
    queryFn: () => graphql<T>(query, variables),
    enabled: options.enabled ?? true,
    ...(options.retry === false ? { retry: false } : {}),
  });
}

/** A mutation that reports its error as react-admin does, and refreshes every GraphQL page and list on success. */
export function useGraphQLMutation<T, V extends Record<string, unknown>>(query: string, options: { success?: string } = {}) {
  const notify = useNotify();
  const client = useQueryClient();
  return useMutation<T, Error, V>({
    mutationFn: (variables) => graphql<T>(query, variables),
    onSuccess: () => {
      if (options.success) notify(options.success, { type: 'success' });
      return client.invalidateQueries();
    },
    // The API's own messages are not translation keys: shown as they are, without a missing-key warning.
    onError: (error) => notify(error.message, { type: 'error', messageArgs: { _: error.message } }),
  });
}
