import type { ApiErrorBody } from '../api/types.js';
import type { Lang } from './i18n.js';
import { isRowCode, rowCodeLabel } from './row-codes.js';

/** What people read for each error the gateway answers; its English message is for engineers. */
const API_ERRORS: Record<string, Record<Lang, string>> = {
  CITY_UNAVAILABLE: {
    fr: 'Une ville ne répond pas : réessayez dans un instant.',
    en: 'A city does not answer: try again in a moment.',
  },
  PARTIAL_IMPORT: {
    fr: 'Une ville n’a pas confirmé ses lignes : les autres sont enregistrées, renvoyez le fichier pour compléter.',
    en: 'A city did not confirm its rows: the others are stored, send the file again to complete it.',
  },
  IMPORT_TOO_LARGE: {
    fr: 'Le fichier dépasse la taille autorisée : ce qui précède la limite est enregistré.',
    en: 'The file is over the size allowed: what came before the limit is stored.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: 'Ce type de fichier n’est pas accepté : envoyez un CSV.',
    en: 'This kind of file is not accepted: send a CSV.',
  },
  INVALID_BODY: {
    fr: 'Le fichier n’a pas pu être lu jusqu’au bout (encodage ou envoi interrompu).',
    en: 'The file could not be read to its end (encoding, or an upload cut short).',
  },
  WORKER_ERROR: {
    fr: 'Une ville a rencontré une erreur : réessayez, ou prévenez l’informatique.',
    en: 'A city met an error: try again, or tell IT.',
  },
  UNAUTHENTICATED: {
    fr: 'Connexion requise, ou clé d’accès manquante ou fausse : reconnectez-vous.',
    en: 'Sign-in needed, or the access key is missing or wrong: sign in again.',
  },
  FORBIDDEN: {
    fr: 'Votre rôle ne permet pas cette action.',
    en: 'Your role does not allow this.',
  },
  FORBIDDEN_CITY: {
    fr: 'Vous n’avez pas accès à cette ville.',
    en: 'You have no access to this city.',
  },
  TOO_MANY_ATTEMPTS: {
    fr: 'Trop d’essais de connexion : patientez avant de réessayer.',
    en: 'Too many sign-in attempts: wait before trying again.',
  },
  NOTHING_IMPORTED: {
    fr: 'Aucune ligne du fichier n’est valide : rien n’a été enregistré (voir les motifs).',
    en: 'No row of the file is valid: nothing was stored (see the reasons).',
  },
  NO_ROWS: {
    fr: 'Le fichier n’a qu’un en-tête, aucune ligne.',
    en: 'The file holds a header and no row.',
  },
  TOO_MANY_REQUESTS: {
    fr: 'Trop d’envois en peu de temps : réessayez dans une minute.',
    en: 'Too many writes in a short time: try again in a minute.',
  },
  TRANSACTION_NOT_FOUND: {
    fr: 'Cette transaction n’existe pas (ou plus).',
    en: 'This transaction does not exist (any more).',
  },
  CROSS_SITE_WRITE: {
    fr: 'Envoi refusé : il ne vient pas de cette page.',
    en: 'Write refused: it does not come from this page.',
  },
  HOST_NOT_ALLOWED: {
    fr: 'Adresse refusée : ouvrez le tableau de bord par l’adresse que l’informatique a déclarée (ALLOWED_HOSTS).',
    en: 'Address refused: open the dashboard at the address IT declared (ALLOWED_HOSTS).',
  },
};

/** Parameters of a refused report query, as people set them on the page. */
const QUERY_PARAMETERS: Record<string, Record<Lang, string>> = {
  from: {
    fr: 'La période est inversée : « De » est après « À ».',
    en: 'The period is reversed: “From” is after “To”.',
  },
  to: {
    fr: 'La période est inversée ou trop longue : vérifiez « De » et « À ».',
    en: 'The period is reversed or too long: check “From” and “To”.',
  },
  city: { fr: 'Une ville choisie n’existe pas.', en: 'A city chosen does not exist.' },
};

/** The error as people read it in `lang`; the API's code and message go to a tooltip. */
export function apiErrorText(body: ApiErrorBody, lang: Lang): string {
  const parameter = (body as { parameter?: string }).parameter;
  if (body.code === 'INVALID_QUERY' && parameter !== undefined) {
    const text = QUERY_PARAMETERS[parameter]?.[lang];
    if (text !== undefined) return text;
  }
  const known = API_ERRORS[body.code]?.[lang];
  if (known !== undefined) return known;
  if (isRowCode(body.code)) return rowCodeLabel(body.code, lang);
  return lang === 'fr' ? 'Une erreur est survenue.' : 'An error occurred.';
}

/** What engineers read: the API's code and English message. */
export function apiErrorDetail(body: ApiErrorBody): string {
  return `${body.code}: ${body.message}`;
}
