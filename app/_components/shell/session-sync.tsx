"use client";

/**
 * Keeps the signed-in session on the CRM's current location and user. The session cookie is
 * shared by every tab of the CRM (one partition per top-level site), so each time the app is
 * opened it asks the CRM again who is here and re-signs in when the answer differs from what
 * this page shows; when the tab comes back into view it checks that another tab has not moved
 * the session elsewhere, so a server action can never act on a workspace the user is not looking at.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { z } from "zod";
import { isEmbedded, requestCrmUserData } from "@/app/_components/shell/crm-handshake";

const signedInSchema = z.object({ workspace: z.object({ id: z.string() }), user: z.object({ id: z.string() }) });

export function SessionSync({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const router = useRouter();

  useEffect(() => {
    if (!isEmbedded()) return;
    const aborter = new AbortController();
    const differs = (body: unknown) => {
      const parsed = signedInSchema.safeParse(body);
      return parsed.success && (parsed.data.workspace.id !== workspaceId || parsed.data.user.id !== userId);
    };

    const resync = async () => {
      const payload = await requestCrmUserData(aborter.signal);
      if (!payload || aborter.signal.aborted) return;
      const res = await fetch("/api/auth/sso", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ payload }),
        credentials: "include",
        signal: aborter.signal,
      }).catch(() => null);
      // An agency answer (no location) keeps the location picked earlier.
      if (res?.ok && differs(await res.json().catch(() => null))) router.refresh();
    };

    const onVisible = async () => {
      if (document.visibilityState !== "visible") return;
      const res = await fetch("/api/session", { credentials: "include", signal: aborter.signal }).catch(() => null);
      if (!res) return;
      if (res.status === 401 || differs(await res.json().catch(() => null))) await resync();
    };

    void resync().catch(() => {});
    const listener = () => void onVisible().catch(() => {});
    document.addEventListener("visibilitychange", listener);
    return () => {
      aborter.abort();
      document.removeEventListener("visibilitychange", listener);
    };
  }, [router, workspaceId, userId]);

  return null;
}
