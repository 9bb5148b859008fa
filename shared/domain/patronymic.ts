/**
 * The gender a Russian full name tells by its patronymic («Смирнова Ольга Петровна» → female), so
 * the desk can pre-choose it (the operator sees it chosen and may change it). Only a name of three
 * or more words counts, the first word (a surname in «Фамилия Имя Отчество») is never read, and
 * disagreeing words (a surname like «Петрович» after the patronymic) give no answer.
 */
import type { Gender } from './schemas';

const FEMALE = /(овна|евна|ична)$/;
const MALE = /(ович|евич|ьич|ильич|кузьмич|лукич|фомич|никитич|саввич)$/;

/** The patronymic's gender of a full name, or null when it does not tell. */
export function genderOfPatronymic(fullName: string): Gender | null {
  const words = fullName.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/);
  if (words.length < 3) return null;
  const found = new Set<Gender>();
  for (const w of words.slice(1)) {
    if (w === 'кызы' || FEMALE.test(w)) found.add('female');
    else if (w === 'оглы' || MALE.test(w)) found.add('male');
  }
  return found.size === 1 ? [...found][0] ?? null : null;
}

/**
 * The customer patch of a typed name: the gender follows the patronymic while it is unset or was
 * the previous name's guess; an operator's own different choice is never overridden.
 */
export function nameWithGender(prevName: string, name: string, gender: Gender | null): { name: string; gender?: Gender | null } {
  if (gender !== null && gender !== genderOfPatronymic(prevName)) return { name };
  return { name, gender: genderOfPatronymic(name) };
}
