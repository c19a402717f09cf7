/**
 * Whether this process runs server.ts (short links on the lean fast path, graceful shutdown) or
 * plain `next start`. server.ts says so before Next loads, on a process-wide flag that Next's
 * bundle (its own copy of `lib/`) reads through `processSingleton`.
 */
import { processSingleton } from "@/lib/process-state";

type Role = { customServer: boolean };

const role = () => processSingleton<Role>("process-role", () => ({ customServer: false }));

export function markCustomServer(): void {
  role().customServer = true;
}

export function isCustomServer(): boolean {
  return role().customServer;
}
