import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ShellHeader, shellProductName } from "@/app/_components/shell/header";
import { ShellNav } from "@/app/_components/shell/nav";
import { SessionSync } from "@/app/_components/shell/session-sync";
import { SsoGate } from "@/app/_components/shell/sso-gate";
import { Providers } from "@/app/app/providers";
import { LOCATION_HINT_HEADER } from "@/lib/embedding/location-hint";
import { env } from "@/lib/env";
import { headers } from "next/headers";
import { findShellWorkspace } from "@/lib/workspaces/current";

// Every request belongs to one workspace (from the CRM session): never prerender or cache the shell.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const workspace = await findShellWorkspace();
  if (!workspace) return { title: "Smart Links" };
  const product = shellProductName(workspace) ?? workspace.name;
  return { title: { default: product, template: `%s · ${product}` } };
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const workspace = await findShellWorkspace();
  // The CRM opened the app for another location than the session's (`/app?location=…`, an
  // unsigned hint used only to decide to ask the CRM again): sign in anew, no flash of the old one.
  const hint = (await headers()).get(LOCATION_HINT_HEADER);
  if (!workspace || (hint && hint !== workspace.locationId)) {
    const { crm, sandboxShellUrl } = env();
    return <SsoGate sandboxShellUrl={crm.mode === "sandbox" ? sandboxShellUrl : null} />;
  }
  return (
    <Providers>
      <SessionSync workspaceId={workspace.id} userId={workspace.userId} />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className="shell">
        <ShellHeader workspace={workspace} />
        <ShellNav />
        <main className="shell-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </Providers>
  );
}
