export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
/** The recovered {@link CityState}: the city's store and its open shard. */
export const CITY_STATE = Symbol('CITY_STATE');
/** The {@link ShardWriter} the shard writes through. */
export const SHARD_WRITER = Symbol('SHARD_WRITER');
/** Called when the worker can no longer keep its promise (a shard write failed): main decides. */
export const ON_FATAL = Symbol('ON_FATAL');

export type FatalHandler = (error: Error) => void;
/** The {@link CityHandlers} the controller calls: the city's service, or its replica's. */
export const CITY_HANDLERS = Symbol('CITY_HANDLERS');
