/** The patronymic's gender: pre-chooses the customer's gender on the form. */
import { genderOfPatronymic, nameWithGender } from '../../shared/domain/patronymic';

test.each([
  ['Смирнова Ольга Петровна', 'female'],
  ['Иванов Иван Сергеевич', 'male'],
  ['Ольга Петровна Смирнова', 'female'],
  ['Кузнецов Илья Ильич', 'male'],
  ['Фомина Анна Ильинична', 'female'],
  ['Алиев Рашид Тофик оглы', 'male'],
  ['Бабич Анна Петровна', 'female'],
  ['Петрович Иван Сергеевич', 'male'],
  ['Анна Ивановна Петрович', null],
  ['Ольга Петровна', null],
  ['Смирнова Ольга', null],
  ['', null],
] as const)('%s → %s', (name, gender) => {
  expect(genderOfPatronymic(name)).toBe(gender);
});

test('the gender follows the typed name until the operator chooses otherwise', () => {
  expect(nameWithGender('Смирнова Ольга Петров', 'Смирнова Ольга Петровна', null)).toEqual({ name: 'Смирнова Ольга Петровна', gender: 'female' });
  expect(nameWithGender('Смирнова Ольга Петровна', 'Смирнова Ольга Петровн', 'female')).toEqual({ name: 'Смирнова Ольга Петровн', gender: null });
  expect(nameWithGender('Смирнова Ольга Петров', 'Смирнова Ольга Петровна', 'male')).toEqual({ name: 'Смирнова Ольга Петровна' });
});
