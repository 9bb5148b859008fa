/** Administration (admin role): users, offers, scripts, reasons, delivery tariffs, webhooks, the blacklist, the call-quality checklist, center settings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UsersAdmin } from './UsersAdmin';
import { OffersAdmin } from './OffersAdmin';
import { ScriptsAdmin } from './ScriptsAdmin';
import { ReasonsAdmin } from './ReasonsAdmin';
import { TariffsAdmin } from './TariffsAdmin';
import { SettingsAdmin } from './SettingsAdmin';
import { WebhooksAdmin } from './WebhooksAdmin';
import { BlacklistAdmin } from './BlacklistAdmin';
import { QualityItemsAdmin } from './QualityItemsAdmin';

const SECTIONS = ['users', 'offers', 'scripts', 'reasons', 'tariffs', 'webhooks', 'blacklist', 'quality', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

/** The admin screen: a section list on the left, the section on the right. */
export function AdminView() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('users');
  return (
    <div className="lead-admin">
      <nav className="lead-admin-nav" aria-label={t('lead.admin.nav')}>
        {SECTIONS.map((s) => (
          <button key={s} type="button" className={section === s ? 'btn lead-tab active' : 'btn lead-tab'} aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
            {t(`lead.admin.${s}.title`)}
          </button>
        ))}
      </nav>
      <div>
        {section === 'users' ? <UsersAdmin /> : null}
        {section === 'offers' ? <OffersAdmin /> : null}
        {section === 'scripts' ? <ScriptsAdmin /> : null}
        {section === 'reasons' ? <ReasonsAdmin /> : null}
        {section === 'tariffs' ? <TariffsAdmin /> : null}
        {section === 'webhooks' ? <WebhooksAdmin /> : null}
        {section === 'blacklist' ? <BlacklistAdmin /> : null}
        {section === 'quality' ? <QualityItemsAdmin /> : null}
        {section === 'settings' ? <SettingsAdmin /> : null}
      </div>
    </div>
  );
}
