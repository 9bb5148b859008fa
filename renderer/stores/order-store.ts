/** The open order: the server's view and the form as typed (a Draft), plus the armed result. */
import { create } from 'zustand';
import type { Draft, OrderView } from '../../shared/ipc/contract';
import type { Address, Customer, DeliveryOption, Offer, OrderLine, ResultKind, SaveResultArgs } from '../../shared/domain/schemas';
import { catalogueLines } from '../../shared/domain/pricing';

export type ResultVariant = SaveResultArgs['variant'];

/** What happened to the last save, shown in the results bar. */
export type SaveNotice =
  | { kind: 'saved'; result: ResultKind; queued: boolean; orderId: number }
  | { kind: 'failed'; message: string }
  | null;

export interface OrderState {
  view: OrderView | null;
  form: Draft | null;
  /** Bumped by every edit of the form (autosave watches it). */
  revision: number;
  /** The result button pressed once (its defaults applied); pressing it again saves. Mirrors `form.result`. */
  armed: ResultKind | null;
  /** The Невалид / foreign-feedback variant of the armed result. Mirrors `form.variant`, so a draft keeps it. */
  variant: ResultVariant;
  saving: boolean;
  notice: SaveNotice;
  open(view: OrderView, now?: Date): void;
  refresh(view: OrderView): void;
  close(): void;
  patchCustomer(patch: Partial<Customer>): void;
  patchAddress(patch: Partial<Address>): void;
  addLine(line: OrderLine): void;
  patchLine(index: number, patch: Partial<OrderLine>): void;
  /** Puts the catalogue's current price on every line (the operator's explicit «update prices»). */
  repriceLines(offers: readonly Offer[]): void;
  removeLine(index: number): void;
  setDeliveryOptions(options: DeliveryOption[]): void;
  chooseDelivery(option: DeliveryOption | null): void;
  patchResult(patch: Partial<Pick<Draft, 'comment' | 'problem' | 'callbackAt' | 'result'>>): void;
  arm(kind: ResultKind | null, variant?: ResultVariant): void;
  setSaving(saving: boolean): void;
  setNotice(notice: SaveNotice): void;
}

/** The form of an order: its saved draft, or a fresh one built from the server copy. */
export function formFromView(view: OrderView, now: Date = new Date()): Draft {
  if (view.draft) return view.draft;
  const o = view.order;
  return {
    orderId: o.id,
    customer: { ...o.customer },
    address: { ...o.address },
    lines: o.lines.map((l) => ({ ...l })),
    delivery: o.delivery,
    deliveryOptions: o.delivery ? [o.delivery] : [],
    comment: '',
    result: null,
    variant: null,
    problem: null,
    callbackAt: null,
    updatedAt: now.toISOString(),
  };
}

/** The order store. */
export const useOrderStore = create<OrderState>()((set) => {
  const edit = (fn: (f: Draft) => Draft) => set((s) => (s.form
    ? { form: { ...fn(s.form), updatedAt: new Date().toISOString() }, revision: s.revision + 1 }
    : {}));
  return {
    view: null,
    form: null,
    revision: 0,
    armed: null,
    variant: null,
    saving: false,
    notice: null,
    open: (view, now) => set({
      view, form: formFromView(view, now), revision: 0, armed: view.draft?.result ?? null, variant: view.draft?.variant ?? null, saving: false, notice: null,
    }),
    refresh: (view) => set((s) => (s.view && s.view.order.id === view.order.id ? { view } : {})),
    close: () => set({ view: null, form: null, armed: null, variant: null, saving: false }),
    patchCustomer: (patch) => edit((f) => ({ ...f, customer: { ...f.customer, ...patch } })),
    patchAddress: (patch) => edit((f) => ({ ...f, address: { ...f.address, ...patch } })),
    addLine: (line) => edit((f) => ({ ...f, lines: [...f.lines, line] })),
    patchLine: (index, patch) => edit((f) => ({ ...f, lines: f.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) })),
    repriceLines: (offers) => edit((f) => ({ ...f, lines: catalogueLines(f.lines, offers) })),
    removeLine: (index) => edit((f) => ({ ...f, lines: f.lines.filter((_, i) => i !== index) })),
    setDeliveryOptions: (deliveryOptions) => edit((f) => ({ ...f, deliveryOptions })),
    chooseDelivery: (delivery) => edit((f) => ({ ...f, delivery })),
    patchResult: (patch) => edit((f) => ({ ...f, ...patch })),
    arm: (armed, variant = null) => set((s) => ({
      armed, variant, notice: null, revision: s.revision + 1,
      form: s.form ? { ...s.form, result: armed, variant: armed ? variant : null, updatedAt: new Date().toISOString() } : s.form,
    })),
    setSaving: (saving) => set({ saving }),
    setNotice: (notice) => set({ notice }),
  };
});
