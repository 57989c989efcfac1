import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthenticated } from '../shared/api.ts';
import type { Me } from '../../domain/admin/views.ts';

interface AuthState {
  /** undefined while the session is being checked; null when logged out. */
  me: Me | null | undefined;
  /** Set when the session check itself failed (server unreachable), as opposed to "not logged in". */
  checkError: unknown;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  recheck(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [checkError, setCheckError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setCheckError(undefined);
    api.get<Me>('/auth/me').then(
      (value) => !cancelled && setMe(value),
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') setMe(null);
        else setCheckError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);

  // Any 401 (session expired, user deactivated) returns to the login page.
  useEffect(() => onUnauthenticated(() => setMe(null)), []);

  const login = useCallback(async (username: string, password: string) => {
    const value = await api.post<Me>('/auth/login', { username, password });
    setMe(value);
    return value;
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);
  const recheck = useCallback(() => setGeneration((g) => g + 1), []);

  const value = useMemo(() => ({ me, checkError, login, logout, recheck }), [me, checkError, login, logout, recheck]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The logged-in user; only for pages rendered inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
