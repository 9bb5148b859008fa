/** The default problem-reason directory (docs/domain.md «Results») (admin-editable; each reason in one group). */
import type { Reason, ReasonGroup } from './schemas';

/** Stable codes of the default reasons, referenced by the result rules. */
export const REASON_CODES = {
  noPickup: 'no_pickup',
  unreachable: 'unreachable',
  drops: 'drops',
  busy: 'busy',
  answeringMachine: 'answering_machine',
  expensive: 'expensive',
  changedMind: 'changed_mind',
  notOrdered: 'not_ordered',
  boughtElsewhere: 'bought_elsewhere',
  deliveryUnsuitable: 'delivery_unsuitable',
  other: 'other',
  needCallback: 'need_callback',
  invalidNumber: 'invalid_number',
  spam: 'spam',
} as const;
export type ReasonCode = (typeof REASON_CODES)[keyof typeof REASON_CODES];

const r = (code: ReasonCode, group: ReasonGroup, label: string): Reason => ({ code, group, label, active: true });

/** The directory a fresh installation starts with, as listed in docs/domain.md «Results». */
export const DEFAULT_REASONS: Reason[] = [
  r('no_pickup', 'noAnswer', 'Не берёт трубку'),
  r('unreachable', 'noAnswer', 'Абонент недоступен'),
  r('drops', 'noAnswer', 'Сбрасывает'),
  r('busy', 'noAnswer', 'Занято'),
  r('answering_machine', 'noAnswer', 'Автоответчик'),
  r('expensive', 'cancel', 'Дорого'),
  r('changed_mind', 'cancel', 'Передумал'),
  r('not_ordered', 'cancel', 'Не заказывал'),
  r('bought_elsewhere', 'cancel', 'Купил в другом месте'),
  r('delivery_unsuitable', 'cancel', 'Не устраивает доставка'),
  r('other', 'cancel', 'Другое'),
  r('need_callback', 'callback', 'Нужно перезвонить'),
  r('invalid_number', 'invalid', 'Невалидный номер'),
  r('spam', 'invalid', 'Спам'),
];

/** Russian labels of the reason groups. */
export const REASON_GROUP_LABELS_RU: Record<ReasonGroup, string> = {
  noAnswer: 'Недозвон',
  cancel: 'Отказ',
  callback: 'Перезвон',
  invalid: 'Невалид',
};

/** Finds a reason by code in a directory (inactive ones included). */
export function findReason(reasons: readonly Reason[], code: string | null): Reason | undefined {
  if (code === null) return undefined;
  return reasons.find((x) => x.code === code);
}
