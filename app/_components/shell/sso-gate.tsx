"use client";

/**
 * Signs the embedded app in with no login screen: asks the CRM parent window for the user
 * (REQUEST_USER_DATA → REQUEST_USER_DATA_RESPONSE), exchanges the encrypted payload at
 * /api/auth/sso (which sets the partitioned session cookie), then re-renders the shell.
 * Agency users pick a location first. Opened outside a CRM, it says how to open the app.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { LinkIcon } from "@/app/_components/icons";
import { isEmbedded, requestCrmUserData } from "@/app/_components/shell/crm-handshake";
import { Button } from "@/app/_components/ui/button";

const answerSchema = z.union([
  z.object({ token: z.string(), workspace: z.object({ id: z.string(), name: z.string(), locationId: z.string() }) }),
  z.object({ agency: z.object({ id: z.string() }), locations: z.array(z.object({ id: z.string(), name: z.string() })) }),
]);
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

type State =
  | { kind: "connecting" }
  | { kind: "outside"; justInstalled: boolean }
  | { kind: "pick"; payload: string; locations: { id: string; name: string }[] }
  | { kind: "error"; title: string; message: string };

export type SsoGateProps = { sandboxShellUrl: string | null };

export function SsoGate({ sandboxShellUrl }: SsoGateProps) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "connecting" });

  const exchange = useCallback(
    async (payload: string, locationId?: string) => {
      setState({ kind: "connecting" });
      let res: Response;
      try {
        res = await fetch("/api/auth/sso", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(locationId ? { payload, locationId } : { payload }),
          credentials: "include",
        });
      } catch {
        setState({ kind: "error", title: "Smart Links cannot be reached", message: "Check your connection and reopen the app." });
        return;
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const parsed = errorSchema.safeParse(body);
        const message = parsed.success ? parsed.data.error.message : "Reopen the app from your CRM.";
        const title = parsed.success && parsed.data.error.code === "app_not_installed" ? "Smart Links is not installed here" : "You could not be signed in";
        setState({ kind: "error", title, message });
        return;
      }
      const answer = answerSchema.safeParse(body);
      if (!answer.success) {
        setState({ kind: "error", title: "You could not be signed in", message: "Reopen the app from your CRM." });
        return;
      }
      if ("token" in answer.data) {
        // The CRM opened us for `?location=` but signed in another one: say so rather than loop.
        const hint = new URLSearchParams(window.location.search).get("location");
        if (hint && hint !== answer.data.workspace.locationId) {
          setState({ kind: "error", title: "You could not be signed in", message: "The CRM signed you in to another location than the one it opened. Reload the page in your CRM." });
          return;
        }
        router.refresh(); // the session cookie is set: the server renders the shell now
        return;
      }
      setState({ kind: "pick", payload, locations: answer.data.locations });
    },
    [router],
  );

  useEffect(() => {
    if (!isEmbedded()) {
      // The marketplace's OAuth redirect lands here, top-level, with `?installed=1`.
      const justInstalled = new URLSearchParams(window.location.search).get("installed") === "1";
      queueMicrotask(() => setState({ kind: "outside", justInstalled })); // after hydration, which rendered "connecting"
      return;
    }
    // No "run once" guard: React's strict mode runs this twice in development, and the
    // cleanup of the first run must not leave the second without a listener.
    const aborter = new AbortController();
    void requestCrmUserData(aborter.signal).then((payload) => {
      if (aborter.signal.aborted) return;
      if (payload) void exchange(payload);
      else setState({ kind: "error", title: "The CRM did not answer", message: "Reload this page in your CRM. If it keeps happening, reinstall Smart Links." });
    });
    return () => aborter.abort();
  }, [exchange]);

  return (
    <main className="public" data-testid="sso-gate">
      <div className="card public-card">
        <span className="brand-mark" style={{ width: 44, height: 44, borderRadius: 12 }} aria-hidden="true">
          <LinkIcon size={22} strokeWidth={2.2} />
        </span>
        {state.kind === "connecting" ? (
          <>
            <h1>Signing you in…</h1>
            <p className="muted" role="status">
              Connecting to your CRM account.
            </p>
            <span className="spinner" aria-hidden="true" />
          </>
        ) : null}
        {state.kind === "outside" ? (
          <>
            <h1>{state.justInstalled ? "Smart Links is installed" : "Open Smart Links from your CRM"}</h1>
            <p className="muted">
              {state.justInstalled ? "You are all set. " : ""}Smart Links runs inside your CRM: open it from the sidebar of your
              sub-account (or agency view), where you are signed in automatically. No separate login is needed.
            </p>
            {sandboxShellUrl ? (
              <Button href={`${sandboxShellUrl}/sandbox`} variant="primary">
                Open the sandbox CRM
              </Button>
            ) : null}
          </>
        ) : null}
        {state.kind === "pick" ? (
          <>
            <h1>Choose a location</h1>
            <p className="muted">You are in your agency view. Pick the sub-account whose links you want to manage.</p>
            {state.locations.length === 0 ? (
              <p className="muted">Smart Links is not installed on any of your locations yet. Install it from the marketplace.</p>
            ) : (
              <ul className="location-list" aria-label="Locations">
                {state.locations.map((location) => (
                  <li key={location.id}>
                    <Button variant="secondary" onClick={() => void exchange(state.payload, location.id)}>
                      {location.name}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
        {state.kind === "error" ? (
          <>
            <h1>{state.title}</h1>
            <p className="muted" role="alert">
              {state.message}
            </p>
          </>
        ) : null}
      </div>
    </main>
  );
}
