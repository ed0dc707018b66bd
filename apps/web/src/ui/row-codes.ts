import type { RowError } from '../api/types.js';
import type { Lang } from './i18n.js';

/** What each rejection code means, for a reader of the import table (the API's message follows). */
const ROW_CODES: Record<RowError['code'], Record<Lang, string>> = {
  MISSING_COLUMN: { fr: 'colonne manquante', en: 'missing column' },
  EMPTY_FILE: { fr: 'fichier vide', en: 'empty file' },
  UNTERMINATED_QUOTE: { fr: 'guillemet non fermé', en: 'unterminated quote' },
  TOO_FEW_FIELDS: { fr: 'champs manquants', en: 'too few fields' },
  TOO_MANY_FIELDS: {
    fr: 'champs en trop (virgule décimale ?)',
    en: 'too many fields (a decimal comma?)',
  },
  RECORD_TOO_LONG: { fr: 'ligne trop longue', en: 'record too long' },
  MISSING_TRANSACTION_ID: { fr: 'identifiant manquant', en: 'missing id' },
  INVALID_DATE: { fr: 'date invalide (AAAA-MM-JJ)', en: 'invalid date (YYYY-MM-DD)' },
  MISSING_CITY: { fr: 'ville manquante', en: 'missing city' },
  CITY_NOT_SERVED: { fr: 'ville non desservie', en: 'city not served' },
  INVALID_TYPE: { fr: 'type invalide (vente ou location)', en: 'invalid type (vente or location)' },
  MISSING_MODEL: { fr: 'modèle manquant', en: 'missing model' },
  INVALID_PRICE: { fr: 'prix invalide', en: 'invalid price' },
  INVALID_DURATION: { fr: 'durée de location invalide', en: 'invalid rental length' },
  UNEXPECTED_DURATION: { fr: 'durée donnée pour une vente', en: 'length given for a sale' },
  INVALID_COST: { fr: 'coût invalide', en: 'invalid cost' },
  AMBIGUOUS_NUMBER: {
    fr: 'nombre ambigu : dans un fichier Excel français, la virgule est la décimale et le point sépare les milliers (799,90)',
    en: 'ambiguous number: in a French Excel file the comma is the decimal mark and a dot groups thousands (799,90)',
  },
  INVALID_QUERY: { fr: 'requête invalide', en: 'invalid query' },
  INVALID_MONTH: {
    fr: 'mois invalide (AAAA-MM ou MM/AAAA)',
    en: 'invalid month (YYYY-MM or MM/YYYY)',
  },
  INVALID_TARGET: {
    fr: 'objectif invalide (montant positif en euros)',
    en: 'invalid target (a positive amount in euros)',
  },
  DUPLICATE_TARGET: {
    fr: 'objectif en double dans le fichier',
    en: 'target given twice in the file',
  },
  UNKNOWN_CITY: { fr: 'ville inconnue', en: 'unknown city' },
  FORBIDDEN_CITY: {
    fr: 'ville que vous n’avez pas le droit d’alimenter',
    en: 'a city you may not write',
  },
  INVALID_BATCH: { fr: 'lot invalide', en: 'invalid batch' },
  CONFLICTING_DUPLICATE: {
    fr: 'identifiant déjà enregistré avec un autre contenu',
    en: 'id already stored with other content',
  },
  PRICE_OUTLIER: {
    fr: 'prix très éloigné du prix habituel du modèle (enregistré)',
    en: 'price far from the model’s usual price (stored)',
  },
  DATE_OUT_OF_RANGE: {
    fr: 'date hors de la période plausible',
    en: 'date out of the plausible window',
  },
  TOO_MANY_MODELS: {
    fr: 'un modèle de trop pour la ville (une autre colonne, un numéro de série, dans « modele » ?)',
    en: 'one model too many for the city (another column, a VIN, in modele?)',
  },
};

export function rowCodeLabel(code: RowError['code'], lang: Lang): string {
  return ROW_CODES[code][lang];
}

export function isRowCode(code: string): code is RowError['code'] {
  return code in ROW_CODES;
}
