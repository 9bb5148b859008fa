/** Queue tabs: live counts, the active tab and its rows loaded page by page (sparse). */
import { create } from 'zustand';
import type { QueueTab } from '../../shared/domain/schemas';
import type { QueueRow } from '../../shared/api/http';

/** Rows per page asked from `queue.list`. */
export const QUEUE_PAGE = 200;

export type TabCounts = Partial<Record<QueueTab, { total: number; due: number }>>;

/** The list of one tab: total size and the rows loaded so far, indexed by position. */
export interface TabList {
  total: number;
  rows: Record<number, QueueRow>;
  pages: Record<number, 'loading' | 'loaded'>;
  cached: boolean;
  /** The message of the last failed page load (cleared by the next success). */
  error: string | null;
}

/** A notice of the Next order action or a failed take. */
export type QueueNotice = { kind: 'nothingDue' } | { kind: 'offline' } | { kind: 'finishFirst' } | { kind: 'error'; message: string } | null;

export interface QueueState {
  counts: TabCounts;
  countsCached: boolean;
  tab: QueueTab;
  lists: Partial<Record<QueueTab, TabList>>;
  notice: QueueNotice;
  /** True while a claim / Next order is in flight. */
  taking: boolean;
  setCounts(counts: TabCounts, cached: boolean): void;
  setTab(tab: QueueTab): void;
  markPage(tab: QueueTab, page: number): void;
  putPage(tab: QueueTab, page: number, total: number, rows: QueueRow[], cached: boolean): void;
  failPage(tab: QueueTab, page: number, error: string): void;
  /** Forgets a tab's rows so they load again. */
  resetList(tab: QueueTab): void;
  resetLists(): void;
  setNotice(notice: QueueNotice): void;
  setTaking(taking: boolean): void;
}

const emptyList = (): TabList => ({ total: 0, rows: {}, pages: {}, cached: false, error: null });

/** The queue store. */
export const useQueueStore = create<QueueState>()((set) => ({
  counts: {},
  countsCached: false,
  tab: 'new',
  lists: {},
  notice: null,
  taking: false,
  setCounts: (counts, countsCached) => set({ counts, countsCached }),
  setTab: (tab) => set({ tab, notice: null }),
  markPage: (tab, page) => set((s) => {
    const list = s.lists[tab] ?? emptyList();
    return { lists: { ...s.lists, [tab]: { ...list, pages: { ...list.pages, [page]: 'loading' } } } };
  }),
  putPage: (tab, page, total, rows, cached) => set((s) => {
    const list = s.lists[tab] ?? emptyList();
    const nextRows = { ...list.rows };
    rows.forEach((row, i) => { nextRows[page * QUEUE_PAGE + i] = row; });
    return { lists: { ...s.lists, [tab]: { total, rows: nextRows, pages: { ...list.pages, [page]: 'loaded' }, cached, error: null } } };
  }),
  failPage: (tab, page, error) => set((s) => {
    const list = s.lists[tab] ?? emptyList();
    const pages = { ...list.pages };
    delete pages[page];
    return { lists: { ...s.lists, [tab]: { ...list, pages, error } } };
  }),
  resetList: (tab) => set((s) => {
    const lists = { ...s.lists };
    delete lists[tab];
    return { lists };
  }),
  resetLists: () => set({ lists: {} }),
  setNotice: (notice) => set({ notice }),
  setTaking: (taking) => set({ taking }),
}));
