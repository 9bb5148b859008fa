/**
 * The softphone's local settings (per user, via `settings.get/set`): their keys, one zod schema per
 * key, and the signal that they were saved (the softphone wiring restarts the service on it).
 */
import { z } from 'zod';
import { create } from 'zustand';

/** Settings keys the softphone reads at login (local, per user). */
export const SOFTPHONE_SETTINGS = {
  dialFormat: 'softphone.dialFormat',
  dtmfMethod: 'softphone.dtmfMethod',
  noAnswerTimeoutSec: 'softphone.noAnswerTimeoutSec',
  /** `{ wsUrl?, domain?, user?, password? }` replacing the server-provisioned account's fields; null: the server's */
  sipOverride: 'softphone.sipOverride',
} as const;

/** Dial styles of a number (`+7…`, `8…`, `7…`), in the order the settings list them. */
export const DIAL_STYLES = ['plus7', 'eight', 'seven'] as const;
/** DTMF methods: RFC 4733 telephone-events (default) or SIP INFO. */
export const DTMF_METHODS = ['rfc4733', 'info'] as const;
/** Bounds of the no-answer timeout, seconds. */
export const NO_ANSWER_SEC = { min: 5, max: 180, default: 45 } as const;

/** `softphone.dialFormat`: the style and a prefix of digits, `*` or `#` dialed before the number. */
export const DialFormatSetting = z.object({ style: z.enum(DIAL_STYLES), prefix: z.string().max(8).regex(/^[0-9*#]*$/) });
/** `softphone.dtmfMethod`. */
export const DtmfSetting = z.enum(DTMF_METHODS);
/** `softphone.noAnswerTimeoutSec`: whole seconds an outbound call rings before it counts as no answer. */
export const NoAnswerSetting = z.number().int().min(NO_ANSWER_SEC.min).max(NO_ANSWER_SEC.max);
/** A complete SIP account as the settings screen enters it: a ws/wss URL and non-empty fields. */
export const SipAccountFields = z.object({
  wsUrl: z.url({ protocol: /^wss?$/ }),
  domain: z.string().trim().min(1),
  user: z.string().trim().min(1),
  password: z.string().min(1),
});
/** `softphone.sipOverride`: the fields replacing the server's account (null or absent: the server's account). */
export const SipOverrideSetting = SipAccountFields.partial().strict().nullable();

export type DialFormatValue = z.infer<typeof DialFormatSetting>;
export type DtmfValue = z.infer<typeof DtmfSetting>;
export type SipAccountValue = z.infer<typeof SipAccountFields>;

/** Bumped each time the settings screen saves; the wiring restarts the softphone on a change. */
export const useSoftphoneSettingsStore = create<{ revision: number }>()(() => ({ revision: 0 }));

/** Tells the wiring the softphone settings changed (restart with the new config). */
export function softphoneSettingsSaved(): void {
  useSoftphoneSettingsStore.setState((s) => ({ revision: s.revision + 1 }));
}
