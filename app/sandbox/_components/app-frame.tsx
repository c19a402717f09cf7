"use client";

/**
 * The CRM's side of the custom-page SSO handshake (crm-api.md §2.2): the iframe asks its parent
 * with `{ message: "REQUEST_USER_DATA" }`; the parent answers with the encrypted user payload for
 * the sub-account (or the agency) in view. Switching sub-account or user remounts the iframe, so
 * the app signs in again as it does when HighLevel navigates.
 */
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { useToast } from "@/app/_components/ui/toast";
import { describeError, sandboxApi } from "@/app/sandbox/_components/api";
import { useSelection } from "@/app/sandbox/_components/sandbox-context";
import { AppMark } from "@/app/sandbox/_components/shell";
import { StoreIcon } from "@/app/sandbox/_components/crm-icons";
import { UsersIcon } from "@/app/_components/icons";

const requestSchema = z.object({ message: z.literal("REQUEST_USER_DATA") });

type Handshake = "waiting" | "answered" | "failed";

export function AppFrame({ appUrl }: { appUrl: string }) {
  const { state, location, user, hrefFor } = useSelection();

  const notInstalled = location ? !location.installed : !state.locations.some((l) => l.installed);
  if (notInstalled) {
    const where = location?.name ?? "any sub-account";
    return (
      <div className="sbx-page sbx-page-center" data-testid="sandbox-app-not-installed">
        <EmptyState
          icon={<AppMark size={28} />}
          title={`Smart Links is not installed in ${where}`}
          description="Install it from the App Marketplace: the CRM runs the OAuth install and the app appears here, signed in with no login."
          actions={
            <Button variant="primary" href={hrefFor("/sandbox/marketplace")} icon={<StoreIcon size={16} />}>
              Open the Marketplace
            </Button>
          }
        />
      </div>
    );
  }
  if (!user) {
    return (
      <div className="sbx-page sbx-page-center">
        <EmptyState
          icon={<UsersIcon size={24} />}
          title={`${location?.name ?? state.agency.name} has no users`}
          description="The app is opened by a CRM user; reset the sandbox to get the seed users back."
          actions={
            <Button variant="secondary" href={hrefFor("/sandbox/settings")}>
              Open Settings
            </Button>
          }
        />
      </div>
    );
  }
  const locationId = location?.id ?? null;
  return <SignedInFrame key={`${locationId ?? "agency"}:${user.id}`} appUrl={appUrl} locationId={locationId} userId={user.id} />;
}

function SignedInFrame({ appUrl, locationId, userId }: { appUrl: string; locationId: string | null; userId: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const toast = useToast();
  const [handshake, setHandshake] = useState<Handshake>("waiting");
  const appOrigin = new URL(appUrl).origin;

  useEffect(() => {
    const aborter = new AbortController();
    const onMessage = (event: MessageEvent) => {
      const target = frame.current?.contentWindow;
      // Only our iframe, still on the app's origin, gets the payload; the answer names that origin too.
      if (!target || event.source !== target || event.origin !== appOrigin) return;
      if (!requestSchema.safeParse(event.data).success) return;
      sandboxApi.ssoPayload(userId, locationId, aborter.signal).then(
        (payload) => {
          target.postMessage({ message: "REQUEST_USER_DATA_RESPONSE", payload }, appOrigin);
          setHandshake("answered");
        },
        (err: unknown) => {
          if (aborter.signal.aborted) return;
          setHandshake("failed");
          toast({ tone: "error", title: "The CRM could not sign the app in", description: describeError(err) });
        },
      );
    };
    window.addEventListener("message", onMessage);
    return () => {
      aborter.abort();
      window.removeEventListener("message", onMessage);
    };
  }, [appOrigin, locationId, userId, toast]);

  return (
    <div className="sbx-frame-wrap" data-handshake={handshake}>
      <iframe
        ref={frame}
        className="sbx-frame"
        data-testid="sandbox-app-frame"
        src={`${appUrl}/app${locationId ? `?location=${encodeURIComponent(locationId)}` : ""}`}
        title="Smart Links"
        allow="clipboard-write"
      />
    </div>
  );
}
