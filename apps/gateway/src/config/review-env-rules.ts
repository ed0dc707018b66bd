import { Cron } from 'croner';
import { DEALER_TIME_ZONE } from '#domain/model';
import { splitList } from './city-list.js';

/** An address as a recipient list holds it: no spaces, separators or angle brackets. */
const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export function badAddresses(text: string): string[] {
  return splitList(text).filter((address) => !ADDRESS.test(address));
}

/** `From:` may be `Name <address>` or the bare address. */
export function isSender(text: string): boolean {
  const bracketed = /^[^<>]*<([^<>]+)>$/.exec(text)?.[1];
  return ADDRESS.test(bracketed ?? text);
}

export function isSmtpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Why croner refuses the pattern, or undefined when it takes it. */
export function scheduleProblem(pattern: string): string | undefined {
  try {
    new Cron(pattern, { paused: true, timezone: DEALER_TIME_ZONE }).stop();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
