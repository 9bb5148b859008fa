import fc from 'fast-check';
import { formatPhoneDisplay, formatPhoneForDial, maskPhone, parsePhone, type PhoneErrorCode } from '../../shared/domain';

describe('parsePhone', () => {
  test.each<[string, string]>([
    ['89123456789', '+79123456789'],
    ['+79123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 (912) 345 67 89', '+79123456789'],
    ['  8-912-345-67-89  ', '+79123456789'],
    ['8.912.345.67.89', '+79123456789'],
    ['8 (495) 606-36-02', '+74956063602'],
    ['8 800 555-35-35', '+78005553535'],
  ])('%s → %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164 });
  });

  test.each<[string, string, PhoneErrorCode]>([
    ['empty', '', 'empty'],
    ['blank', '   ', 'empty'],
    ['letters', '8912abc6789', 'invalid'],
    ['only punctuation', '()--', 'empty'],
    ['9 digits', '912345678', 'wrongLength'],
    ['12 digits', '891234567890', 'wrongLength'],
    ['12 digits starting with 7', '791234567890', 'wrongLength'],
    ['+7 with 11 digits after it', '+791234567890', 'wrongLength'],
    ['+7 with 9 digits', '+7912345678', 'wrongLength'],
    ['Ukraine', '+380501234567', 'notRussian'],
    ['Kazakhstan (+7 7xx)', '+77012345678', 'notRussian'],
    ['11 digits not starting with 7/8', '39123456789', 'notRussian'],
    ['70000000000 (manual)', '70000000000', 'fake'],
    ['80000000000', '80000000000', 'fake'],
    ['7 identical digits in a row', '89111111111', 'fake'],
    ['7 zeros in the subscriber part', '89120000000', 'fake'],
    ['subscriber 1234567', '+79121234567', 'fake'],
    ['subscriber 7654321', '89127654321', 'fake'],
    ['straight run 1234567890', '1234567890', 'fake'],
    ['area code 0xx does not exist', '80223456780', 'invalid'],
    ['area code 1xx does not exist', '81003456780', 'invalid'],
    ['area code 600 is not assigned', '86003456780', 'invalid'],
    ['8 7xx is Kazakhstan', '87003456780', 'notRussian'],
    ['straight run 0123456789 (fake before invalid)', '80123456789', 'fake'],
  ])('%s: %s → %s', (_name, input, code) => {
    const r = parsePhone(input);
    expect(r).toMatchObject({ ok: false, code });
    expect(r.ok ? '' : r.message).toMatch(/[А-Яа-я]/);
  });

  test('6 identical digits in a row are not a fake on their own', () => {
    expect(parsePhone('89160000001')).toEqual({ ok: true, e164: '+79160000001' });
  });

  test('property: any text gives a result or a known error code, never an exception', () => {
    const codes: PhoneErrorCode[] = ['empty', 'wrongLength', 'notRussian', 'invalid', 'fake'];
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+\d ()-]{0,20}$/)), (text) => {
      const r = parsePhone(text);
      if (r.ok) expect(r.e164).toMatch(/^\+7\d{10}$/);
      else expect(codes).toContain(r.code);
    }));
  });

  test('property: every display/dial formatting of a parsed number parses back to it', () => {
    fc.assert(fc.property(fc.constantFrom('912', '916', '926', '903', '495', '812', '800'), fc.stringMatching(/^[0-9]{7}$/), (code, subscriber) => {
      const r = parsePhone(`8${code}${subscriber}`);
      fc.pre(r.ok);
      if (!r.ok) return;
      for (const text of [r.e164, formatPhoneDisplay(r.e164), formatPhoneForDial(r.e164, { style: 'eight', prefix: '' }), formatPhoneForDial(r.e164, { style: 'seven', prefix: '' })]) {
        expect(parsePhone(text)).toEqual({ ok: true, e164: r.e164 });
      }
    }));
  });
});

describe('formatting', () => {
  test('display', () => {
    expect(formatPhoneDisplay('+79123456789')).toBe('8 (912) 345-67-89');
    expect(formatPhoneDisplay('+380501234567')).toBe('+380501234567');
  });

  test.each<['plus7' | 'eight' | 'seven', string, string]>([
    ['plus7', '', '+79123456789'],
    ['eight', '', '89123456789'],
    ['seven', '', '79123456789'],
    ['eight', '9', '989123456789'],
    ['plus7', '*1', '*1+79123456789'],
  ])('dial %s with prefix "%s"', (style, prefix, expected) => {
    expect(formatPhoneForDial('+79123456789', { style, prefix })).toBe(expected);
  });

  test('mask', () => {
    expect(maskPhone('+79123456789')).toBe('8 (912) ***-**-89');
  });
});
