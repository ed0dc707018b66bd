import { useEffect, useState } from 'preact/hooks';

/** Events arriving within this delay cause one refresh: an import of many batches is one. */
const SETTLE_MS = 150;

/**
 * Listens to the gateway's `/events` and calls `onChange` after each burst of changes; says
 * whether the stream is open (EventSource reconnects by itself).
 */
export function useLiveUpdates(onChange: () => void): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const source = new EventSource('/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = (): void => {
      clearTimeout(timer);
      timer = setTimeout(onChange, SETTLE_MS);
    };
    source.addEventListener('data', changed);
    source.addEventListener('city', changed);
    let reopened = false;
    source.onopen = () => {
      setOpen(true);
      // What happened while the stream was closed is unknown: look again.
      if (reopened) changed();
      reopened = true;
    };
    source.onerror = () => {
      setOpen(false);
    };
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [onChange]);
  return open;
}
