// The signed-in user for every component: name, role, scopes, and what the server says they may do.
import { createContext, useContext } from 'react';
import type { Me } from '../api/client';

type User = NonNullable<Me['user']>;

export const MeContext = createContext<User | null>(null);

export function useMe(): User | null {
  return useContext(MeContext);
}

export type Permission = User['permissions'][number];

export function useCan(): (p: Permission) => boolean {
  const me = useMe();
  return (p) => !!me?.permissions.includes(p);
}
