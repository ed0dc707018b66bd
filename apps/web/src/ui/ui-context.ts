import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { CODE_LABELS, type CellCode } from '#domain/labels';
import { formats, type Formats } from './format.js';
import { countedNoun, translate, type Lang, type MessageKey } from './i18n.js';
import type { PageState } from './url-state.js';

/** A link to another state of the page: its address, and what a click does instead of loading it. */
export interface PageLink {
  readonly href: string;
  /** Shows that state without loading the page again. */
  readonly go: () => void;
  /** `go`, for a link's click. */
  readonly onClick: (event: MouseEvent) => void;
}

export interface Ui {
  readonly lang: Lang;
  readonly t: (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;
  /** A counted noun's form for `count` (`conflit|conflits`). */
  readonly noun: (key: MessageKey, count: number) => string;
  /** What people read for a code of the reports (`up`, `estimated`, …): the domain's catalogue. */
  readonly code: (code: CellCode) => string;
  readonly f: Formats;
  /** The report query of the page, for the export links. */
  readonly params: URLSearchParams;
  /** A link to the page changed by `change` (the drill-down from a chart to the explorer). */
  readonly link: (change: Partial<PageState>) => PageLink;
}

export function makeUi(lang: Lang, params: URLSearchParams, link: Ui['link']): Ui {
  return {
    lang,
    t: (key, values) => translate(lang, key, values),
    noun: (key, count) => countedNoun(lang, key, count),
    code: (code) => CODE_LABELS[lang][code],
    f: formats(lang),
    params,
    link,
  };
}

export const UiContext = createContext<Ui>(
  makeUi('fr', new URLSearchParams(), () => ({
    href: '',
    go: (): void => undefined,
    onClick: (): void => undefined,
  })),
);

export function useUi(): Ui {
  return useContext(UiContext);
}
