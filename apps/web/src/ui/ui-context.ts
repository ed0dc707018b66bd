import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { formats, type Formats } from './format.js';
import { translate, type Lang, type MessageKey } from './i18n.js';

export interface Ui {
  readonly lang: Lang;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly f: Formats;
  /** The report query of the page, for the export links. */
  readonly params: URLSearchParams;
}

export function makeUi(lang: Lang, params: URLSearchParams): Ui {
  return {
    lang,
    t: (key, values) => translate(lang, key, values),
    f: formats(lang),
    params,
  };
}

export const UiContext = createContext<Ui>(makeUi('fr', new URLSearchParams()));

export function useUi(): Ui {
  return useContext(UiContext);
}
