/** The languages people read the figures in: French by default, English on request. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in every language. */
export type Translated<T = string> = Readonly<Record<Lang, T>>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
