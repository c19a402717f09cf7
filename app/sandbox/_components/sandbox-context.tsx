"use client";

/**
 * Who and where you are in the sandbox CRM: the control API's state plus the location and user
 * chosen in the URL (`?location=<id>|agency&user=<id>`), so links and reloads keep them.
 * Missing or unknown ids fall back to the first location and its first user.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { sandboxApi, sandboxKeys, type SandboxLocation, type SandboxState, type SandboxUser } from "@/app/sandbox/_components/api";

export const AGENCY = "agency";

type Selection = {
  state: SandboxState;
  /** The location in view, or null in the agency view. */
  location: SandboxLocation | null;
  user: SandboxUser | null;
  /** The users you can be here: the location's, or every agency user in the agency view. */
  users: SandboxUser[];
};

export type SandboxContextValue = {
  query: ReturnType<typeof useStateQuery>;
  selection: Selection | null;
  /** `path` with the current `?location=&user=` attached. */
  hrefFor: (path: string) => string;
  selectLocation: (locationId: string) => void;
  selectUser: (userId: string) => void;
  /** Refetches the state (after an install, uninstall, plan change or reset). */
  refreshState: () => Promise<void>;
};

const SandboxContext = createContext<SandboxContextValue | null>(null);

function useStateQuery() {
  return useQuery({ queryKey: sandboxKeys.state(), queryFn: ({ signal }) => sandboxApi.state(signal), retry: 1 });
}

/** Who can open the agency view: the agency's own users (every user, if the state does not say). */
function agencyUsers(state: SandboxState): SandboxUser[] {
  const seen = new Map<string, SandboxUser>();
  for (const location of state.locations) for (const user of location.users) if (!seen.has(user.id)) seen.set(user.id, user);
  const all = [...seen.values()];
  const agencyOnly = all.filter((u) => u.type === "agency");
  return agencyOnly.length > 0 ? agencyOnly : all;
}

function resolve(state: SandboxState, locationParam: string | null, userParam: string | null): Selection {
  const location =
    locationParam === AGENCY ? null : (state.locations.find((l) => l.id === locationParam) ?? state.locations[0] ?? null);
  const users = location ? location.users : agencyUsers(state);
  const user = users.find((u) => u.id === userParam) ?? users[0] ?? null;
  return { state, location, user, users };
}

function queryOf(location: string, user: string | undefined): string {
  const params = new URLSearchParams({ location });
  if (user) params.set("user", user);
  return params.toString();
}

export function SandboxProvider({ children }: { children: ReactNode }) {
  const query = useStateQuery();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const locationParam = params.get("location");
  const userParam = params.get("user");

  const selection = useMemo(
    () => (query.data ? resolve(query.data, locationParam, userParam) : null),
    [query.data, locationParam, userParam],
  );

  const hrefFor = useCallback(
    (path: string) => {
      if (!selection) return path;
      return `${path}?${queryOf(selection.location?.id ?? AGENCY, selection.user?.id)}`;
    },
    [selection],
  );

  const selectLocation = useCallback(
    (locationId: string) => {
      if (!query.data) return;
      const next = resolve(query.data, locationId, selection?.user?.id ?? null);
      // A contact belongs to one location: switching leaves its page for the contact list.
      const path = pathname.startsWith("/sandbox/contacts/") ? "/sandbox/contacts" : pathname;
      router.push(`${path}?${queryOf(next.location?.id ?? AGENCY, next.user?.id)}`);
    },
    [query.data, selection, pathname, router],
  );

  const selectUser = useCallback(
    (userId: string) => {
      router.push(`${pathname}?${queryOf(selection?.location?.id ?? locationParam ?? AGENCY, userId)}`);
    },
    [selection, locationParam, pathname, router],
  );

  const refreshState = useCallback(() => queryClient.invalidateQueries({ queryKey: sandboxKeys.all }), [queryClient]);

  const value = useMemo(
    () => ({ query, selection, hrefFor, selectLocation, selectUser, refreshState }),
    [query, selection, hrefFor, selectLocation, selectUser, refreshState],
  );
  return <SandboxContext.Provider value={value}>{children}</SandboxContext.Provider>;
}

export function useSandbox(): SandboxContextValue {
  const value = useContext(SandboxContext);
  if (!value) throw new Error("useSandbox must be used inside <SandboxProvider>");
  return value;
}

/** For pages rendered inside the shell, which only renders them once the state has loaded. */
export function useSelection(): Selection & Omit<SandboxContextValue, "selection" | "query"> {
  const { selection, query: _query, ...rest } = useSandbox();
  if (!selection) throw new Error("useSelection must be used once the sandbox state has loaded");
  return { ...selection, ...rest };
}
