/** Desk actions shared by the queue panel, hotkeys and the results bar: take an order, Next order, refresh counts. */
import { useCallback } from 'react';
import type { OrderView } from '../../shared/ipc/contract';
import { QUEUE_TABS } from '../../shared/domain';
import { reportAgentState, finishWrapUp } from './agent-state';
import { ApiCallError, call, isUnreachable, useApi } from './api-context';
import { callButton, focusLost, focusWhenReady, nextOrderButton } from './focus-work';
import { startDialPreview } from './progressive-dial';
import { useOrderStore } from '../stores/order-store';
import { QUEUE_PAGE, useQueueStore, type TabCounts } from '../stores/queue-store';
import { useSessionStore } from '../stores/session-store';

/** The actions of the desk bound to the current Api. */
export function useDeskActions() {
  const api = useApi();

  const refreshCounts = useCallback(async () => {
    try {
      const res = await call(api, 'queue.counts', {});
      const counts: TabCounts = {};
      for (const tab of QUEUE_TABS) { const c = res.tabs[tab]; if (c) counts[tab] = c; }
      useQueueStore.getState().setCounts(counts, res.cached);
    } catch {
      useQueueStore.getState().setCounts(useQueueStore.getState().counts, true);
    }
  }, [api]);

  const loadPage = useCallback(async (tab: (typeof QUEUE_TABS)[number], page: number) => {
    const q = useQueueStore.getState();
    if (q.lists[tab]?.pages[page]) return;
    q.markPage(tab, page);
    try {
      const res = await call(api, 'queue.list', { tab, offset: page * QUEUE_PAGE, limit: QUEUE_PAGE });
      useQueueStore.getState().putPage(tab, page, res.total, res.rows, res.cached);
    } catch (e) {
      useQueueStore.getState().failPage(tab, page, isUnreachable(e) ? 'offline' : e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  const opened = useCallback((view: OrderView) => {
    useOrderStore.getState().open(view);
    useQueueStore.getState().setNotice(null);
    focusWhenReady(callButton);
    const s = useSessionStore.getState();
    if (s.agentState === 'ready' || s.agentState === 'wrapUp') reportAgentState(api, 'wrapUp', view.order.id);
  }, [api]);

  const take = useCallback(async (run: () => Promise<OrderView | null>): Promise<OrderView | null> => {
    const q = useQueueStore.getState();
    if (q.taking) return null;
    q.setTaking(true);
    q.setNotice(null);
    try {
      const view = await run();
      if (view) opened(view);
      else useQueueStore.getState().setNotice({ kind: 'nothingDue' });
      return view;
    } catch (e) {
      useQueueStore.getState().setNotice(isUnreachable(e) ? { kind: 'offline' } : { kind: 'error', message: e instanceof ApiCallError ? e.message : String(e) });
      return null;
    } finally {
      useQueueStore.getState().setTaking(false);
      // nothing opened: the disabled «Следующий заказ» dropped focus, give it back
      if (!useOrderStore.getState().view && focusLost()) focusWhenReady(nextOrderButton);
      void refreshCounts();
    }
  }, [opened, refreshCounts]);

  /** Claims the next order by priority (F2) and, with progressive dialing on, starts the preview. Refused while an unsaved order is open. */
  const next = useCallback(async () => {
    if (useOrderStore.getState().view) {
      useQueueStore.getState().setNotice({ kind: 'finishFirst' });
      return;
    }
    const view = await take(() => call(api, 'queue.next', {}));
    if (view) startDialPreview(view);
  }, [api, take]);

  /** Claims a chosen order of a list. */
  const claim = useCallback((orderId: number) => take(() => call(api, 'order.claim', { orderId })), [api, take]);

  /** Returns the open order to the queue without a result. */
  const release = useCallback(async () => {
    const view = useOrderStore.getState().view;
    if (!view) return;
    try {
      await call(api, 'order.release', { orderId: view.order.id });
      useOrderStore.getState().close();
      useQueueStore.getState().resetLists();
      focusWhenReady(nextOrderButton);
      finishWrapUp(api);
    } catch (e) {
      useOrderStore.getState().setNotice({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    void refreshCounts();
  }, [api, refreshCounts]);

  return { refreshCounts, loadPage, next, claim, release, opened };
}
