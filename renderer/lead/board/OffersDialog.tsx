/** Edits which offers (products) an operator may take. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserOffersRequest } from '../../../shared/api/lead';
import { call } from '../../app/api-context';
import { errorText } from '../lead-api';
import { DialogForm, useDialogSave } from './DialogForm';

type Choice = { sku: string; name: string };

/**
 * The offers dialog of operator `userId`: the catalogue with the operator's current offers
 * (GET admin/users/:id/offers, open to its lead and to an admin) checked. Saving stays disabled
 * until both are loaded, so a failed load never overwrites the list blindly.
 */
export function OffersDialog({ userId, name, onClose }: { userId: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const { api, busy, error, setError, save: run } = useDialogSave(onClose);
  useEffect(() => {
    let live = true;
    Promise.all([call(api, 'offers.list', {}), call(api, 'lead.userOffers', { userId })])
      .then(([all, current]) => {
        if (!live) return;
        // An offer the operator has but the catalogue lacks stays listed (by SKU), so it can be unchecked.
        const missing = current.offerSkus.filter((sku) => !all.some((o) => o.sku === sku));
        setChoices([...all.map((o) => ({ sku: o.sku, name: o.name })), ...missing.map((sku) => ({ sku, name: sku }))]);
        setChosen(new Set(current.offerSkus));
      })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api, userId, setError]);
  const toggle = (sku: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    return next;
  });
  const save = async () => {
    const req = UserOffersRequest.safeParse({ offerSkus: [...chosen].sort() });
    if (!req.success) return;
    await run((a) => call(a, 'lead.setUserOffers', { userId, ...req.data }));
  };
  return (
    <DialogForm title={t('lead.board.offersTitle', { name })} onClose={onClose} onSubmit={save} error={error}
      saveLabel={t('lead.common.save')} saveDisabled={busy || choices === null}>
      {choices === null && !error ? <p role="status">{t('lead.common.loading')}</p> : null}
      {choices ? (
        <fieldset className="lead-checks">
          <legend>{t('lead.board.offersLegend')}</legend>
          {choices.map((o) => (
            <label key={o.sku}>
              <input type="checkbox" checked={chosen.has(o.sku)} onChange={() => toggle(o.sku)} />
              {o.name} <span className="muted">({o.sku})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </DialogForm>
  );
}
