/** Loads one admin resource with the api and exposes it with its loading error and a reload. */
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../shared/ipc/contract';
import { useApi } from '../../app/api-context';
import { errorText } from '../lead-api';

/** `{data, error, reload}` of `fetcher(api)`, fetched on mount and on reload(). */
export function useAdminLoad<T>(fetcher: (api: Api) => Promise<T>): { data: T | null; error: string | null; reload(): void } {
  const api = useApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    fetcher(api)
      .then((d) => { if (live) { setData(d); setError(null); } })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api, fetcher, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload };
}
