import type { CalendarDate } from '../content/calendar-date.js';
import { isPlural, type Locale } from './messages.js';
import { REFERENCE_LANGUAGE } from './check-locales.js';
import { localeFor } from './read-locales.js';

export type MessageParams = Readonly<Record<string, string | number>>;

/** A page's language: its interface text, and numbers, dates and durations as it writes them. */
export interface Translator {
  /** The page's BCP 47 language, e.g. `fr` or `fr-CA`: its `lang` attribute. */
  readonly lang: string;
  readonly locale: Locale;
  /** The text under `key`, its `{name}`s filled from `params`; a plural by `params.count`. */
  readonly t: (key: string, params?: MessageParams) => string;
  /**
   * The text before and after `{name}` in the text under `key`: where a template puts a link,
   * so that a translation can move the link within its sentence.
   */
  readonly around: (key: string, name: string, params?: MessageParams) => [string, string];
  readonly number: (value: number) => string;
  /** 70 -> "70%" (en), "70 %" (fr). */
  readonly percent: (value: number) => string;
  /** 2024-03-21 -> "3/21/24" (en), "21/03/2024" (fr). */
  readonly date: (date: CalendarDate) => string;
  /** 240 -> "4 hours" (en), "4 heures" (fr); 110 -> "1 hour 50 minutes". */
  readonly duration: (minutes: number) => string;
}

function lazy<Value>(make: () => Value): () => Value {
  let made: Value | undefined;
  return () => (made ??= make());
}

// A bare "en" would be formatted as en-US anyway; saying so keeps dates the same on every ICU.
const intlLocale = (lang: string) => (lang === 'en' ? 'en-US' : lang);

/** A language's Intl formatters, each made when first used: a Markdown body needs one or two. */
function formattersOf(lang: string) {
  const intl = intlLocale(lang);
  const unit = (name: 'hour' | 'minute') =>
    lazy(() => new Intl.NumberFormat(intl, { style: 'unit', unit: name, unitDisplay: 'long' }));
  return {
    plurals: lazy(() => new Intl.PluralRules(intl)),
    numbers: lazy(() => new Intl.NumberFormat(intl)),
    percents: lazy(() => new Intl.NumberFormat(intl, { style: 'percent' })),
    dates: lazy(() => new Intl.DateTimeFormat(intl, { dateStyle: 'short', timeZone: 'UTC' })),
    hours: unit('hour'),
    minutes: unit('minute'),
  };
}

/**
 * The translator of one page language. Intl's formatters cost far more to make than to use:
 * each is made once here, and a translator is made once per language per build.
 */
export function createTranslator(locale: Locale, lang: string = locale.code): Translator {
  const { plurals, numbers, percents, dates, hours, minutes: minutesFormat } = formattersOf(lang);
  const fill = (text: string, params: MessageParams) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers().format(value) : value;
    });
  const t = (key: string, params: MessageParams = {}): string => {
    const message = locale.messages[key];
    if (message === undefined) return key;
    if (!isPlural(message)) return fill(message, params);
    // Without a count, the general form, as the browser's lecternText chooses.
    const count = params['count'];
    const form = count === undefined ? 'other' : plurals().select(Number(count));
    return fill(message[form] ?? message.other, params);
  };
  return {
    lang,
    locale,
    t,
    around: (key, name, params = {}) => {
      const [before = '', ...after] = t(key, params).split(`{${name}}`);
      return [before, after.join(`{${name}}`)];
    },
    number: (value) => numbers().format(value),
    percent: (value) => percents().format(value / 100),
    date: (date) => dates().format(new Date(Date.UTC(date.year, date.month - 1, date.day))),
    duration(total) {
      const whole = Math.floor(total / 60);
      const rest = total % 60;
      const said = [
        ...(whole ? [hours().format(whole)] : []),
        ...(rest ? [minutesFormat().format(rest)] : []),
      ];
      return said.join(' ');
    },
  };
}

/**
 * One translator per page language, made when a page first needs it: a language without a
 * locale of its own speaks its base language's (fr-CA -> fr), else English.
 */
export function translators(locales: readonly Locale[]): (lang: string) => Translator {
  const made = new Map<string, Translator>();
  return (lang) => {
    let translator = made.get(lang);
    if (!translator) {
      const locale = localeFor(locales, lang) ??
        localeFor(locales, REFERENCE_LANGUAGE) ?? {
          code: lang,
          file: '',
          name: lang,
          messages: {},
        };
      translator = createTranslator(locale, lang);
      made.set(lang, translator);
    }
    return translator;
  };
}
