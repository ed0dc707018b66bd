import { CityStore } from '../store/city-store.js';
import { summarizeCity } from '../summary/summarize.js';
import type { Summary } from '../summary/summary.js';

/** The stores of several cities in one process, created as their cities first appear. */
export class CityStores {
  private readonly stores = new Map<string, CityStore>();

  storeFor(city: string): CityStore {
    let store = this.stores.get(city);
    if (store === undefined) {
      store = new CityStore(city);
      this.stores.set(city, store);
    }
    return store;
  }

  /** Holds `store` for its city: a store read back from a snapshot, say. */
  put(store: CityStore): void {
    this.stores.set(store.city, store);
  }

  /** The cities held, by name. */
  cities(): string[] {
    return [...this.stores.keys()].sort();
  }

  summarize(): Summary {
    return { cities: this.cities().map((city) => summarizeCity(this.storeFor(city).columns())) };
  }
}
