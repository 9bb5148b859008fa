/** Demo offers with promo terms, their scripts (Russian, with {{variables}}) and delivery tariffs. */
import type { Offer } from '../../shared/domain/schemas';
import type { Script } from '../../shared/api/http';

/** Six active offers and one retired one. */
export const DEMO_OFFERS: Offer[] = [
  { sku: 'ARTRO-GEL', name: 'Гель для суставов «АртроФлекс»', priceKop: 149_000, active: true,
    promo: { text: 'Второй тюбик со скидкой 50 %, третий — в подарок.', allowedDiscountsPct: [0, 50, 100] } },
  { sku: 'SLIM-TEA', name: 'Фиточай «Стройнитель»', priceKop: 99_000, active: true,
    promo: { text: 'Вторая упаковка −30 %, при заказе трёх — третья за полцены.', allowedDiscountsPct: [0, 30, 50] } },
  { sku: 'OKUVITA', name: 'Комплекс для глаз «ОкуВита Плюс»', priceKop: 199_000, active: true,
    promo: { text: 'Курс из двух упаковок: вторая −50 %; к курсу из трёх — капли в подарок.', allowedDiscountsPct: [0, 50, 100] } },
  { sku: 'HAIR-OIL', name: 'Масло для роста волос «Золотой локон»', priceKop: 129_000, active: true,
    promo: { text: 'Второй флакон за полцены.', allowedDiscountsPct: [0, 50] } },
  { sku: 'CARDIO-BAL', name: 'Капсулы «КардиоБаланс»', priceKop: 249_000, active: true,
    promo: { text: 'Вторая банка −30 %, третья −50 %, четвёртая в подарок.', allowedDiscountsPct: [0, 30, 50, 100] } },
  { sku: 'NECK-RELAX', name: 'Массажёр для шеи «Релакс-Про»', priceKop: 399_000, active: true,
    promo: { text: 'Сменные насадки −20 %, чехол в подарок.', allowedDiscountsPct: [0, 20, 100] } },
  { sku: 'YOUTH-CREAM', name: 'Крем «Молодость» (снят с продажи)', priceKop: 79_000, active: false,
    promo: { text: '', allowedDiscountsPct: [0] } },
];

const OBJECTIONS: Script['objections'] = [
  { key: 'expensive', title: 'Дорого', keywords: ['дорого', 'цена', 'дешевле'],
    body: '{{customerName}}, понимаю. Давайте посчитаем: курс на месяц — {{price}}, это меньше чашки кофе в день. И сейчас действует акция: второй товар со скидкой. Оформляем по акции?' },
  { key: 'think', title: 'Подумаю', keywords: ['подумаю', 'подумать', 'решу'],
    body: 'Конечно, решение за вами. Скажите, что именно вызывает сомнения — цена, доставка или эффект? Акционная цена закреплена за заявкой только сегодня, поэтому предлагаю оформить сейчас: оплата при получении, вы ничем не рискуете.' },
  { key: 'advise', title: 'Посоветуюсь', keywords: ['посоветуюсь', 'жена', 'муж', 'дети', 'врач'],
    body: 'Правильно, что советуетесь с близкими. Давайте я оформлю заказ, а посылку вы получите через несколько дней — времени обсудить будет достаточно. Оплата только при получении, после осмотра.' },
  { key: 'not-ordered', title: 'Не заказывал', keywords: ['не заказывал', 'не оставлял', 'ошибка'],
    body: 'Извините за беспокойство. Заявка пришла с сайта на ваш номер — возможно, её оставил кто-то из близких? Если вам интересно, расскажу об акции за минуту.' },
  { key: 'no-money', title: 'Нет денег', keywords: ['нет денег', 'зарплата', 'позже'],
    body: 'Понимаю. Оплата не сейчас, а при получении посылки — через 3–7 дней. Давайте оформим, а если нужно, я поставлю доставку на удобную дату.' },
  { key: 'where-number', title: 'Откуда мой номер', keywords: ['откуда', 'номер', 'база'],
    body: 'Ваш номер указан в заявке на нашем сайте. Мы звоним только по заявкам и никому номер не передаём. Если хотите, я отмечу, чтобы вам больше не звонили.' },
];

/** The demo script of an offer: greeting, presentation, promo terms, closing, objections. */
export function demoScript(offer: Offer): Script {
  return {
    offerSku: offer.sku,
    sections: [
      { key: 'greeting', title: 'Приветствие',
        body: 'Здравствуйте, {{customerName}}! Меня зовут {{operatorName}}, интернет-магазин здоровья. Вы оставляли заявку на ' + offer.name + '. Удобно говорить пару минут?' },
      { key: 'presentation', title: 'Презентация',
        body: offer.name + ' — наш самый популярный товар. Стоимость — {{price}}. Расскажите, для чего вы хотели его приобрести? (Выслушать, подтвердить, что товар подходит.)' },
      { key: 'promo', title: 'Условия акции', body: `Сегодня по акции: ${offer.promo.text || 'специальных условий нет.'} Предложите клиенту дополнительный товар по акции.` },
      { key: 'closing', title: 'Завершение',
        body: 'Итак, {{customerName}}, сумма заказа без доставки — {{subtotal}}, доставка — {{delivery}}, итого к оплате — {{total}}. Обращаю внимание: вы обязуетесь забрать посылку и оплатить её при получении. Спасибо за заказ, всего доброго!' },
    ],
    objections: OBJECTIONS,
  };
}

/** [region ('*' = everywhere else), method, carrier, price in roubles, days min, days max]. */
export const DEMO_TARIFFS: readonly (readonly [string, 'courier' | 'post' | 'pickup', string, number, number, number])[] = [
  ['*', 'post', 'Почта России', 350, 5, 14],
  ['*', 'pickup', 'СДЭК', 320, 3, 8],
  ['Москва', 'courier', 'СДЭК', 390, 1, 2],
  ['Москва', 'pickup', 'СДЭК', 250, 1, 2],
  ['Москва', 'post', 'Почта России', 290, 2, 5],
  ['Санкт-Петербург', 'courier', 'СДЭК', 390, 1, 3],
  ['Санкт-Петербург', 'pickup', 'СДЭК', 270, 1, 3],
  ['Московская область', 'courier', 'СДЭК', 450, 2, 3],
  ['Ленинградская область', 'courier', 'СДЭК', 490, 2, 4],
  ['Новосибирская область', 'courier', 'СДЭК', 520, 3, 5],
  ['Свердловская область', 'courier', 'СДЭК', 490, 2, 4],
  ['Республика Татарстан', 'courier', 'СДЭК', 470, 2, 4],
  ['Нижегородская область', 'courier', 'СДЭК', 470, 2, 4],
  ['Краснодарский край', 'courier', 'СДЭК', 480, 2, 5],
  ['Самарская область', 'courier', 'СДЭК', 480, 2, 4],
  ['Ростовская область', 'courier', 'СДЭК', 490, 2, 5],
  ['Вологодская область', 'post', 'Почта России', 380, 6, 12],
];
