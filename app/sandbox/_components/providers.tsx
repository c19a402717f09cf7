"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { SandboxProvider } from "@/app/sandbox/_components/sandbox-context";

/**
 * The shell's own query client (the app in the iframe has another). Queries refetch on window
 * focus: coming back from the app's tab shows the tags and notes it has just written.
 */
export function SandboxProviders({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <SandboxProvider>{children}</SandboxProvider>
    </QueryClientProvider>
  );
}
