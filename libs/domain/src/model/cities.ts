/** The dealer's cities, in their canonical spelling. */
export const KNOWN_CITIES = ['Lyon', 'Paris', 'Marseille', 'Toulouse', 'Bordeaux'] as const;

/** Decides which cities are served and how each is spelled. */
export interface CityDirectory {
  /** The canonical spelling of `name` (matched case-insensitively), or undefined when not served. */
  resolve(name: string): string | undefined;
}

/** Serves exactly the given cities: a worker's or a gateway's view. */
export class FixedCityDirectory implements CityDirectory {
  private readonly byKey: Map<string, string>;
  private readonly spellings: string[];

  constructor(cities: Iterable<string>) {
    this.byKey = new Map([...cities].map((city) => [city.toLowerCase(), city]));
    this.spellings = [...this.byKey.values()];
  }

  resolve(name: string): string | undefined {
    return exactMatch(this.spellings, name) ?? this.byKey.get(name.toLowerCase());
  }

  get cities(): string[] {
    return [...this.byKey.values()].sort();
  }
}

/**
 * Serves every city it meets: the one-process report serves whatever the file holds. A known
 * city keeps its canonical spelling; any other is spelled as first seen.
 */
export class OpenCityDirectory implements CityDirectory {
  private readonly byKey = new Map<string, string>(
    KNOWN_CITIES.map((city) => [city.toLowerCase(), city]),
  );

  private readonly spellings: string[] = [...KNOWN_CITIES];

  resolve(name: string): string {
    const exact = exactMatch(this.spellings, name);
    if (exact !== undefined) return exact;
    const key = name.toLowerCase();
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.byKey.set(key, name);
    this.spellings.push(name);
    return name;
  }
}

/**
 * A city field is a fresh string on every row, so a Map lookup hashes it every time; comparing
 * with the few canonical spellings first is cheaper for the rows spelled canonically.
 */
function exactMatch(spellings: readonly string[], name: string): string | undefined {
  if (spellings.length > 16) return undefined;
  for (const spelling of spellings) if (spelling === name) return spelling;
  return undefined;
}
