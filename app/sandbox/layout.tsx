import "./sandbox.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SandboxProviders } from "@/app/sandbox/_components/providers";
import { SandboxShell } from "@/app/sandbox/_components/shell";
import { env } from "@/lib/env";

// The shell reads the request's `?location=&user=` and the runtime APP_URL: never prerender it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { absolute: "Sandbox CRM", template: "%s · Sandbox CRM" },
  robots: { index: false, follow: false },
};

/** The sandbox CRM's host shell. It exists only in sandbox mode, like the control API behind it. */
export default function SandboxLayout({ children }: { children: ReactNode }) {
  if (env().crm.mode !== "sandbox") notFound();
  return (
    <SandboxProviders>
      <SandboxShell>{children}</SandboxShell>
    </SandboxProviders>
  );
}
