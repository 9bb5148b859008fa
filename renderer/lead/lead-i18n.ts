/** Registers the lead/admin strings (`lead.*`) into the desk's i18next instance, once. */
import i18n from '../i18n';
import ru from './i18n-ru.json';
import en from './i18n-en.json';

let registered = false;

/** Adds the lead bundles to i18next (deep merge, our keys win); safe to call many times. */
export function registerLeadI18n(): void {
  if (registered) return;
  i18n.addResourceBundle('ru', 'translation', ru, true, true);
  i18n.addResourceBundle('en', 'translation', en, true, true);
  registered = true;
}

registerLeadI18n();

export default i18n;
