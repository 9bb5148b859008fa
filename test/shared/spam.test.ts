import { looksObscene } from '../../shared/domain';

describe('looksObscene — proposes Спам, allow-listed real surnames are never flagged', () => {
  test.each<[string, boolean]>([
    ['Иванова Мария Петровна', false],
    ['Сучков Иван Петрович', false],
    ['Сучкова Анна', false],
    ['Бляхин Олег', false],
    ['Бляхер Марк', false],
    ['Шлюхин Сергей', false],
    ['Хуторской Андрей', false],
    ['Мандарина Ольга', false],
    ['Херсонский Павел', false],
    ['Скипидаров Илья', false],
    ['Оскорбляев Денис', false],
    ['Хлебников Лев', false],
    ['', false],
    ['Хуй', true],
    ['Иван Хуйня', true],
    ['Пизда Петровна', true],
    ['Блядь', true],
    ['пидор', true],
    ['Ебанько Степан', true],
    ['Сучков сука', true],
    ['Huylo', true],
    ['pizdec', true],
  ])('%s → %s', (name, obscene) => {
    expect(looksObscene(name)).toBe(obscene);
  });
});
