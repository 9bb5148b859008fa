/** Edits which offers (products) an operator may take. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../shared/domain/schemas';
import { UserOffersRequest, UserOffersResponse } from '../../../shared/api/lead';
import { call, useApi } from '../../app/api-context';
import { Dialog } from '../Dialog';
import { errorText, leadRequest } from '../lead-api';
import { loadUsers } from '../admin/users-api';

/** The offers dialog of operator `userId`. */
export function OffersDialog({ userId, name, onClose }: { userId: number; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call(api, 'offers.list', {}), loadUsers(api)])
      .then(([all, users]) => {
        if (!live) return;
        setOffers(all);
        setChosen(new Set(users.find((u) => u.id === userId)?.offerSkus ?? []));
      })
      .catch((e: unknown) => { if (live) setError(errorText(e)); });
    return () => { live = false; };
  }, [api, userId]);
  const toggle = (sku: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    return next;
  });
  const save = async () => {
    const req = UserOffersRequest.safeParse({ offerSkus: [...chosen].sort() });
    if (!req.success) return;
    setBusy(true);
    setError(null);
    try {
      await leadRequest(api, 'PUT', `/admin/users/${userId}/offers`, UserOffersResponse, req.data);
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('lead.board.offersTitle', { name })} onClose={onClose}>
      {offers === null && !error ? <p role="status">{t('lead.common.loading')}</p> : null}
      {offers ? (
        <fieldset className="lead-checks">
          <legend>{t('lead.board.offersLegend')}</legend>
          {offers.map((o) => (
            <label key={o.sku}>
              <input type="checkbox" checked={chosen.has(o.sku)} onChange={() => toggle(o.sku)} />
              {o.name} <span className="muted">({o.sku})</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? <p role="alert" className="lead-error">{error}</p> : null}
      <div className="lead-buttons">
        <button type="button" className="btn btn-primary" disabled={busy || offers === null} onClick={() => void save()}>{t('lead.common.save')}</button>
        <button type="button" className="btn" onClick={onClose}>{t('lead.common.cancel')}</button>
      </div>
    </Dialog>
  );
}
