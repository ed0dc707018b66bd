/**
 * How people read the models the dealer sells: the stored code (`Mercedes_C_Class`, as imported)
 * stays the key in the JSON and the standard CSV; pages, French files and the CLI show this.
 */
const MODEL_NAMES: Readonly<Record<string, string>> = {
  Audi_A3: 'Audi A3',
  Audi_A4: 'Audi A4',
  Audi_Q5: 'Audi Q5',
  'Audi_e-tron_GT': 'Audi e-tron GT',
  BMW_Serie_3: 'BMW Série 3',
  BMW_X1: 'BMW X1',
  BMW_X3: 'BMW X3',
  BMW_X5: 'BMW X5',
  BMW_i4: 'BMW i4',
  Mercedes_A_Class: 'Mercedes Classe A',
  Mercedes_C_Class: 'Mercedes Classe C',
  Mercedes_E_Class: 'Mercedes Classe E',
  Mercedes_GLC: 'Mercedes GLC',
  Tesla_Model_3: 'Tesla Model 3',
  Tesla_Model_S: 'Tesla Model S',
  Tesla_Model_Y: 'Tesla Model Y',
};

/** The models of the catalogue, by their stored code (the explorer's list to choose from). */
export const CATALOGUE_MODELS: readonly string[] = Object.keys(MODEL_NAMES);

/** A model's name for people: the catalogue's, or the code with spaces for underscores. */
export function modelDisplayName(code: string): string {
  return MODEL_NAMES[code] ?? code.replaceAll('_', ' ');
}
