/** The report's day fields: dd.mm.yyyy whatever the locale, dots typed for you, ↑/↓ move a day, wrong days flagged. */
import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../renderer/lead/lead-i18n';
import { DayInput } from '../../renderer/lead/reports/DayInput';
import { dayKeyToText, maskDayText, shiftDayKey, textToDayKey } from '../../renderer/lead/reports/day-text';

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <><DayInput label="С" value={value} onChange={setValue} /><output data-testid="key">{value}</output></>;
}

test('day keys and dd.mm.yyyy text convert both ways; impossible days are refused', () => {
  expect(dayKeyToText('2026-12-02')).toBe('02.12.2026');
  expect(textToDayKey('02.12.2026')).toBe('2026-12-02');
  expect(textToDayKey('2/12/2026')).toBe('2026-12-02');
  expect(textToDayKey('31.11.2026')).toBeNull();
  expect(textToDayKey('29.02.2027')).toBeNull();
  expect(textToDayKey('29.02.2028')).toBe('2028-02-29');
  expect(textToDayKey('02.12.26')).toBeNull();
  expect(shiftDayKey('2026-12-31', 1)).toBe('2027-01-01');
  expect(shiftDayKey('2026-03-01', -1)).toBe('2026-02-28');
  expect(maskDayText('0', '02')).toBe('02.');
  expect(maskDayText('02.', '02')).toBe('02');
  expect(maskDayText('02.', '02..')).toBe('02.');
});

test('shows the day as dd.mm.yyyy, takes digits only and reports the key', async () => {
  const user = userEvent.setup();
  render(<Harness initial="2026-11-28" />);
  const input = screen.getByLabelText('С');
  expect(input).toHaveValue('28.11.2026');
  expect(input).toHaveAccessibleDescription(/дд\.мм\.гггг/);
  await user.clear(input);
  await user.type(input, '01122026');
  expect(input).toHaveValue('01.12.2026');
  expect(screen.getByTestId('key')).toHaveTextContent('2026-12-01');
});

test('arrow keys move a day; a wrong day is marked invalid and gives no key', async () => {
  const user = userEvent.setup();
  render(<Harness initial="2026-11-30" />);
  const input = screen.getByLabelText('С');
  await user.click(input);
  await user.keyboard('{ArrowUp}');
  expect(input).toHaveValue('01.12.2026');
  await user.keyboard('{ArrowDown}{ArrowDown}');
  expect(input).toHaveValue('29.11.2026');
  await user.clear(input);
  await user.type(input, '31112026');
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription('Нет такой даты: введите дд.мм.гггг.');
  expect(screen.getByTestId('key')).toBeEmptyDOMElement();
});
