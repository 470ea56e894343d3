/** CLDR's plural categories: which of them a language uses comes from Intl.PluralRules. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A text that depends on a count: one form per plural category, `other` always among them. */
export type PluralMessage = Readonly<Partial<Record<PluralCategory, string>>> & {
  readonly other: string;
};

/** A text of the interface, with `{name}` where a value goes. */
export type Message = string | PluralMessage;

/** A language's interface text, by dotted key (`course.start`). */
export type Messages = Readonly<Record<string, Message>>;

/** One language's file of interface text, read from views/locales/<code>.yaml. */
export interface Locale {
  /** The file's name without `.yaml`: a language code such as `en` or `fr-CA`. */
  readonly code: string;
  /** Its path as an editor types it, for problems. */
  readonly file: string;
  /** The language's own name for itself: what the language switcher shows. */
  readonly name: string;
  readonly messages: Messages;
}

export function isPlural(message: Message): message is PluralMessage {
  return typeof message === 'object';
}

/** The `{name}` placeholders a message uses, across its forms. */
export function placeholdersOf(message: Message): Set<string> {
  const forms = isPlural(message) ? Object.values(message) : [message];
  return new Set(
    forms.flatMap((form) => [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)),
  );
}
