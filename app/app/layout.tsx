import type { ReactNode } from "react";
import { ShellHeader } from "@/app/_components/shell/header";
import { ShellNav } from "@/app/_components/shell/nav";
import { Providers } from "@/app/app/providers";
import { getShellWorkspace } from "@/lib/workspaces/current";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const workspace = await getShellWorkspace();
  return (
    <Providers>
      <div className="shell">
        <ShellHeader workspace={workspace} />
        <ShellNav />
        <main className="shell-main" id="main">
          {children}
        </main>
      </div>
    </Providers>
  );
}
