import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../api/auth.js';

/** The page's user; demo mode until `GET /auth/me` says otherwise. */
export const MeContext = createContext<Me>({
  mode: 'demo',
  name: 'démo',
  role: 'admin',
  cities: [],
  via: 'demo',
});

export function useMe(): Me {
  return useContext(MeContext);
}
