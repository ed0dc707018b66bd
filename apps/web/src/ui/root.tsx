import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fetchMe, type Me } from '../api/auth.js';
import { SignInView } from '../views/sign-in-view.js';
import { App } from './app.js';
import { MeContext } from './me-context.js';
import { UiContext, makeUi } from './ui-context.js';
import { readState } from './url-state.js';

/** Asks who is using the page: the dashboard for a user (or in demo mode), else the sign-in. */
export function Root(): JSX.Element | null {
  const [me, setMe] = useState<Me | undefined | 'asking'>('asking');
  useEffect(() => {
    fetchMe().then(setMe, () => {
      setMe(undefined);
    });
  }, []);
  if (me === 'asking') return null;
  if (me === undefined) {
    const { lang } = readState(location.search);
    const ui = makeUi(lang, new URLSearchParams(), () => ({
      href: '',
      go: (): void => undefined,
      onClick: (): void => undefined,
    }));
    document.documentElement.lang = lang;
    return (
      <UiContext.Provider value={ui}>
        <SignInView />
      </UiContext.Provider>
    );
  }
  return (
    <MeContext.Provider value={me}>
      <App />
    </MeContext.Provider>
  );
}
