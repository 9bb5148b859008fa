/**
 * Spam detection (docs/domain.md «Results», Невалид · spam): obscene words in the customer's name. It only PROPOSES the
 * Невалид → Спам result; the operator decides.
 */
import BadWordsNext from 'bad-words-next';
import ru from 'bad-words-next/lib/ru';
import ruLat from 'bad-words-next/lib/ru_lat';

/**
 * Real surnames that contain obscene roots (lower case, ё as е) and that the dictionaries flag or
 * might flag: Сучков, Бляхин, Бляхер, Шлюхин and the like. A name word equal to an entry, or
 * starting with an entry of 5+ letters (Сучкова, Сучковский, Хуторской), is never flagged.
 */
export const NAME_ALLOW_LIST: readonly string[] = [
  'сучков', 'сучок', 'бляхин', 'бляхер', 'шлюхин', 'хутор', 'мандарин', 'манда', 'херсон', 'херцен',
  'херман', 'ебель', 'скипидар', 'оскорбля', 'гондурас',
];

const filter = new BadWordsNext();
filter.add(ru);
filter.add(ruLat);

function normalize(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function allowed(word: string): boolean {
  const w = normalize(word);
  return NAME_ALLOW_LIST.some((stem) => w === stem || (stem.length >= 5 && w.startsWith(stem)));
}

/** Whether a customer's name contains obscene words (allow-listed real surnames are never flagged). */
export function looksObscene(name: string): boolean {
  const rest = name.split(/[\s,;]+/).filter((w) => w !== '' && !allowed(w));
  return rest.length > 0 && filter.check(rest.join(' '));
}
