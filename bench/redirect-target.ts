/**
 * A bench target: node:http with exactly the listener server.ts installs (createShortLinkListener),
 * without Next in the process. Configured by the environment like the app; prints "ready".
 * On SIGTERM it flushes the click writer and closes the database, like server.ts.
 */
import http from "node:http";
import { closeDatabase } from "@/db/client";
import { flushClicks } from "@/lib/clicks/record-click";
import { getAppDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { preloadGeo } from "@/lib/redirect/geo";
import { createShortLinkListener } from "@/lib/redirect/short-link-listener";

async function main(): Promise<void> {
  const config = env();
  await getAppDatabase();
  preloadGeo();
  const server = http.createServer(createShortLinkListener());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, "127.0.0.1", resolve));
  process.stdout.write("ready\n");
  process.on("SIGTERM", () => {
    server.close();
    server.closeIdleConnections();
    void flushClicks()
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
  });
}

void main();
