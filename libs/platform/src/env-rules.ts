import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';

/**
 * Decorators of an app's env class: each variable states its default and its rule once; the
 * message of a broken rule names the variable, the rule and the value given.
 */

type Text = string | undefined;

function blank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

function given(value: unknown): string {
  return `"${String(value)}"`;
}

/** Both decorators on one property. */
function both(first: PropertyDecorator, second: PropertyDecorator): PropertyDecorator {
  return (target, key) => {
    first(target, key);
    second(target, key);
  };
}

/** A rule of the value as read (after its default): the message is made from the value. */
export function EnvRule(
  name: string,
  check: (value: unknown, vars: Readonly<Record<string, unknown>>) => boolean,
  message: (property: string, value: unknown) => string,
): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        check(value, (args?.object ?? {}) as Record<string, unknown>),
      defaultMessage: (args?: ValidationArguments) => message(args?.property ?? '?', args?.value),
    },
  });
}

/**
 * A number from `min` to `max` that `accepted` takes; unset or blank: `fallback`. A text that is
 * no such number stays text, so that the message quotes it as given.
 */
function envNumeric(
  name: string,
  noun: string,
  accepted: (value: number) => boolean,
  fallback: number,
  min: number,
  max: number,
): PropertyDecorator {
  return both(
    Transform(({ value }: { value: Text }) => {
      if (blank(value)) return fallback;
      const number = Number(value!.trim());
      return accepted(number) ? number : value!.trim();
    }),
    EnvRule(
      name,
      (value) => typeof value === 'number' && value >= min && value <= max,
      (property, value) => `${property} must be ${noun} from ${min} to ${max}, not ${given(value)}`,
    ),
  );
}

/** A whole number from `min` to `max`; unset or blank: `fallback`. */
export function EnvInteger(fallback: number, min: number, max: number): PropertyDecorator {
  return envNumeric('wholeNumber', 'a whole number', Number.isInteger, fallback, min, max);
}

/** A number from `min` to `max`; unset or blank: `fallback`. */
export function EnvNumber(fallback: number, min: number, max: number): PropertyDecorator {
  return envNumeric('number', 'a number', Number.isFinite, fallback, min, max);
}

/** One of `allowed`, case-insensitively; unset or blank: `fallback`. */
export function EnvChoice(allowed: readonly string[], fallback: string): PropertyDecorator {
  return both(
    Transform(({ value }: { value: Text }) =>
      blank(value) ? fallback : value!.trim().toLowerCase(),
    ),
    EnvRule(
      'choice',
      (value) => allowed.includes(value as string),
      (property, value) => `${property} must be one of ${allowed.join(', ')}, not ${given(value)}`,
    ),
  );
}

/**
 * Text, trimmed. Unset or blank: `fallback`; with none the variable is required (under
 * class-validator's `ValidateIf`, only when it applies).
 * `keepEmpty`: a variable set to the empty string on purpose (to disable something) stays empty.
 */
export function EnvText(fallback?: string, keepEmpty = false): PropertyDecorator {
  return both(
    Transform(({ value }: { value: Text }) => {
      if (value === undefined) return fallback ?? '';
      const text = value.trim();
      return text === '' && !keepEmpty ? (fallback ?? '') : text;
    }),
    EnvRule(
      'required',
      (value) => fallback !== undefined || value !== '',
      (property) => `${property} is required`,
    ),
  );
}
