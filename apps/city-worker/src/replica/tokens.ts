/** The city's {@link CityStream}, when the worker is one of its replicas. */
export const CITY_STREAM = Symbol('CITY_STREAM');
