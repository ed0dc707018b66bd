export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
/** The recovered `CityStores` holding the city's store. */
export const CITY_STORES = Symbol('CITY_STORES');
export const CITY_SHARD = Symbol('CITY_SHARD');
