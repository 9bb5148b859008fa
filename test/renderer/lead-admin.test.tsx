/** Admin screens: roubles typed → kopecks, zod validation before sending, script preview, user reset, tariffs, reasons. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProvider } from '../../renderer/app/api-context';
import '../../renderer/lead/lead-i18n';
import { AdminView } from '../../renderer/lead/admin/AdminView';
import { kopToRublesInput, parseRublesToKop } from '../../renderer/lead/admin/money-input';
import { useSessionStore } from '../../renderer/stores/session-store';
import type { Offer } from '../../shared/domain/schemas';
import type { Res } from '../../shared/ipc/contract';
import { MemoryApi, OFFERS, SCRIPT, SESSION } from './support/memory-api';

jest.setTimeout(20_000);

const USERS: Res<'admin.users'>['users'] = [
  { id: 1, login: 'admin', name: 'Админ', role: 'admin', teamId: null, active: true, sipWsUrl: null, sipDomain: null, sipUser: null, hasSipPassword: false, offerSkus: [] },
  { id: 5, login: 'anna', name: 'Анна', role: 'operator', teamId: 1, active: true, sipWsUrl: 'wss://pbx.local/ws', sipDomain: 'pbx.local', sipUser: '1001', hasSipPassword: true, offerSkus: ['KREM-X'] },
];

const TARIFF: Res<'admin.saveTariff'> = { id: 7, region: 'Москва', method: 'courier', carrier: 'СДЭК', priceKop: 35_000, daysMin: 1, daysMax: 2 };

function setup() {
  useSessionStore.setState({ session: { ...SESSION, user: { id: 1, login: 'admin', name: 'Админ', role: 'admin' } } });
  const mem = new MemoryApi({
    'admin.users': () => ({ users: USERS }),
    'admin.teams': () => ({ teams: [{ id: 1, name: 'Смена А' }] }),
    'admin.updateUser': (req) => ({ ...USERS[1]!, ...req.patch, id: req.id, hasSipPassword: true }) as Res<'admin.updateUser'>,
    'admin.offers': () => ({ offers: OFFERS }),
    'admin.saveOffer': (req) => req as Offer,
    'admin.tariffs': () => ({ tariffs: [TARIFF] }),
    'admin.saveTariff': (req) => ({ ...(req.tariff as Omit<Res<'admin.saveTariff'>, 'id'>), id: req.id ?? 99 }),
    'admin.deleteTariff': () => ({ ok: true }),
    'admin.reasons': () => ({ reasons: [] }),
    'admin.saveReason': (req) => req as Res<'admin.saveReason'>,
    'admin.scriptMarkdown': (req) => ({ ...SCRIPT, offerSku: req.sku, sections: [SCRIPT.sections[0]!], objections: [] }),
  });
  const user = userEvent.setup();
  render(<ApiProvider api={mem.api}><AdminView /></ApiProvider>);
  return { mem, user };
}

describe('money input', () => {
  test.each([
    ['1 990,50', 199_050], ['1990.5', 199_050], ['1990', 199_000], ['0,05', 5], ['1\u00a0990 ₽', 199_000],
    ['', null], ['-5', null], ['12,345', null], ['abc', null],
  ])('%s → %s', (text, kop) => {
    expect(parseRublesToKop(text)).toBe(kop);
  });
  test('kopecks round-trip through the input text', () => {
    expect(kopToRublesInput(199_050)).toBe('1990,50');
    expect(parseRublesToKop(kopToRublesInput(199_005))).toBe(199_005);
  });
});

describe('admin screens', () => {
  test('offers: the price is typed in roubles and sent in kopecks; bad input is refused before sending', async () => {
    const { mem, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Товары' }));
    await user.click(await screen.findByRole('button', { name: 'Изменить: Крем Х' }));
    const price = screen.getByLabelText('Цена, ₽');
    expect(price).toHaveValue('1990');
    await user.clear(price);
    await user.type(price, '19,999');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Цена в рублях, например 1990 или 1990,50')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Исправьте отмеченные поля — ничего не отправлено.');
    expect(mem.requests('admin.saveOffer')).toEqual([]);

    await user.clear(price);
    await user.type(price, '2 490,50');
    await user.clear(screen.getByLabelText('Разрешённые скидки, %'));
    await user.type(screen.getByLabelText('Разрешённые скидки, %'), '30, 100');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Сохранено.')).toBeInTheDocument();
    expect(mem.requests('admin.saveOffer')).toEqual([
      { sku: 'KREM-X', name: 'Крем Х', priceKop: 249_050, promo: { text: '2-й товар −50 %, 3-й в подарок', allowedDiscountsPct: [30, 100] }, active: true },
    ]);
  });

  test('users: a password reset and a team change go out as one PATCH', async () => {
    const { mem, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'Изменить: Анна' }));
    const form = screen.getByRole('form', { name: 'Пользователь Анна' });
    expect(within(form).getByLabelText('Логин')).toBeDisabled();
    await user.type(within(form).getByLabelText('Новый пароль (сброс)'), 'abc');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(within(form).getByText('Пароль — не короче 4 символов.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Новый пароль (сброс)'), 'd');
    await user.selectOptions(within(form).getByLabelText('Команда'), '');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Сохранено.')).toBeInTheDocument();
    expect(mem.requests('admin.updateUser')).toEqual([{
      id: 5,
      patch: { name: 'Анна', role: 'operator', teamId: null, active: true, sipWsUrl: 'wss://pbx.local/ws', sipDomain: 'pbx.local', sipUser: '1001', password: 'abcd' },
    }]);
  });

  test('scripts: Markdown edited in place shows a live preview, flags unknown variables and uploads', async () => {
    const { mem, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Скрипты и возражения' }));
    await user.selectOptions(await screen.findByLabelText('Товар'), 'KREM-X');
    const area = screen.getByLabelText('Скрипт (Markdown)');
    await screen.findByDisplayValue(/## Приветствие/);
    const preview = screen.getByRole('region', { name: 'Предпросмотр' });
    expect(within(preview).getByRole('heading', { name: 'Приветствие' })).toBeInTheDocument();
    expect(within(preview).getByText('{{customerName}}')).toHaveClass('lead-var');
    await user.clear(area);
    await user.type(area, '## Привет{Enter}{Enter}**Добрый день**, {{{{bogus}}');
    expect(within(preview).getByText('Добрый день').tagName).toBe('STRONG');
    expect(screen.getByRole('alert')).toHaveTextContent('Неизвестные переменные: bogus');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByText('Скрипт сохранён: разделов 1, возражений 0.')).toBeInTheDocument();
    expect(mem.requests('admin.scriptMarkdown')).toEqual([{ sku: 'KREM-X', markdown: '## Привет\n\n**Добрый день**, {{bogus}}' }]);
  });

  test('tariffs: an edit is sent in kopecks to its id, a delete reloads the list and says so', async () => {
    const { mem, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Тарифы доставки' }));
    await user.click(await screen.findByRole('button', { name: 'Изменить: Москва СДЭК' }));
    const form = screen.getByRole('form', { name: 'Изменение тарифа' });
    const price = within(form).getByLabelText('Цена, ₽');
    expect(price).toHaveValue('350');
    await user.clear(price);
    await user.type(price, '399,90');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Сохранено.');
    expect(mem.requests('admin.saveTariff')).toMatchObject([{ id: 7, tariff: { priceKop: 39_990, carrier: 'СДЭК' } }]);
    expect(screen.getByRole('form', { name: 'Новый тариф' })).toBeInTheDocument();

    const loads = () => mem.requests('admin.tariffs').length;
    const before = loads();
    await user.click(screen.getByRole('button', { name: 'Удалить: Москва СДЭК' }));
    expect(await screen.findByText('Удалено.')).toBeInTheDocument();
    expect(mem.requests('admin.deleteTariff')).toEqual([{ id: 7 }]);
    expect(loads()).toBe(before + 1);
  });

  test('reasons: a bad code is refused before sending, a good one is saved with a numeric order', async () => {
    const { mem, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Причины' }));
    const form = await screen.findByRole('form', { name: 'Новая причина' });
    await user.type(within(form).getByLabelText('Код'), 'Too Far');
    await user.type(within(form).getByLabelText('Название'), 'Далеко');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(within(form).getByLabelText('Код')).toHaveAttribute('aria-invalid', 'true');
    expect(mem.requests('admin.saveReason')).toEqual([]);

    await user.clear(within(form).getByLabelText('Код'));
    await user.type(within(form).getByLabelText('Код'), 'too_far');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Сохранено.');
    expect(mem.requests('admin.saveReason')).toMatchObject([{ code: 'too_far', label: 'Далеко', sort: 100 }]);
  });
});
