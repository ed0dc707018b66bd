import type { JSX } from 'preact';
import { signOut } from '../api/auth.js';
import { useMe } from '../ui/me-context.js';
import { useUi } from '../ui/ui-context.js';

/** Who is signed in, their role and cities, and how to sign out; or that nobody signs in. */
export function AccountBar(): JSX.Element {
  const { t } = useUi();
  const me = useMe();
  if (me.mode === 'demo') {
    return (
      <p class="account muted" data-testid="account">
        {t('demoMode')}
      </p>
    );
  }
  const cities = me.cities.length > 0 ? me.cities.join(', ') : t('everyCity');
  return (
    <p class="account" data-testid="account">
      {t('signedInAs', { name: me.name })} ({t(`role_${me.role}`)} · {cities}){' '}
      {me.via === 'session' && (
        <button
          type="button"
          class="link"
          data-testid="sign-out"
          onClick={() => {
            void signOut().then(() => {
              location.reload();
            });
          }}
        >
          {t('signOut')}
        </button>
      )}
    </p>
  );
}
