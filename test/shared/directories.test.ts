import { DEFAULT_REASONS, REASON_CODES, fillScript, proposeDeliveryOptions, type DeliveryOption } from '../../shared/domain';

describe('DEFAULT_REASONS — the directory of docs/domain.md', () => {
  test('groups, codes and labels', () => {
    expect(DEFAULT_REASONS.map((r) => [r.group, r.code, r.label])).toEqual([
      ['noAnswer', 'no_pickup', 'Не берёт трубку'],
      ['noAnswer', 'unreachable', 'Абонент недоступен'],
      ['noAnswer', 'drops', 'Сбрасывает'],
      ['noAnswer', 'busy', 'Занято'],
      ['noAnswer', 'answering_machine', 'Автоответчик'],
      ['cancel', 'expensive', 'Дорого'],
      ['cancel', 'changed_mind', 'Передумал'],
      ['cancel', 'not_ordered', 'Не заказывал'],
      ['cancel', 'bought_elsewhere', 'Купил в другом месте'],
      ['cancel', 'delivery_unsuitable', 'Не устраивает доставка'],
      ['cancel', 'other', 'Другое'],
      ['callback', 'need_callback', 'Нужно перезвонить'],
      ['invalid', 'invalid_number', 'Невалидный номер'],
      ['invalid', 'spam', 'Спам'],
    ]);
    expect(DEFAULT_REASONS.every((r) => r.active)).toBe(true);
    expect(new Set(Object.values(REASON_CODES))).toEqual(new Set(DEFAULT_REASONS.map((r) => r.code)));
  });
});

describe('proposeDeliveryOptions — only courier when courier exists (slide 8)', () => {
  const opt = (id: string, method: DeliveryOption['method'], priceKop: number, daysMax = 5): DeliveryOption => ({ id, method, carrier: id, priceKop, daysMin: 1, daysMax });
  test.each<[string, DeliveryOption[], string[]]>([
    ['post and courier → courier only', [opt('post', 'post', 20_000), opt('cdek', 'courier', 35_000)], ['cdek']],
    ['post only → post', [opt('post2', 'post', 30_000), opt('post1', 'post', 20_000)], ['post1', 'post2']],
    ['courier and pickup, sorted by price', [opt('c', 'courier', 40_000), opt('p', 'pickup', 15_000), opt('r', 'post', 1)], ['p', 'c']],
    ['same price: faster first', [opt('slow', 'courier', 30_000, 7), opt('fast', 'courier', 30_000, 2)], ['fast', 'slow']],
    ['nothing found', [], []],
  ])('%s', (_name, options, ids) => {
    expect(proposeDeliveryOptions(options).map((o) => o.id)).toEqual(ids);
  });
});

describe('fillScript', () => {
  test.each<[string, Record<string, string>, string]>([
    ['Здравствуйте, {{customerName}}! Меня зовут {{operatorName}}.', { customerName: 'Мария', operatorName: 'Ольга' }, 'Здравствуйте, Мария! Меня зовут Ольга.'],
    ['Итого {{ totalRub }}', { totalRub: '3 335 ₽' }, 'Итого 3 335 ₽'],
    ['Без доставки {{subtotal}}, доставка {{delivery}}', { subtotal: '100 ₽' }, 'Без доставки 100 ₽, доставка {{delivery}}'],
    ['{{a}}{{a}}', { a: '$&' }, '$&$&'],
    ['{{toString}} {{constructor}}', {}, '{{toString}} {{constructor}}'],
  ])('%j', (text, vars, expected) => {
    expect(fillScript(text, vars)).toBe(expected);
  });
});
