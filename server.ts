/**
 * The production server (`npm start`, compiled by `npm run build`) and the dev server
 * (`npm run dev`): one `node:http` server that answers short links on a lean fast path before
 * Next sees them, and hands every other request to Next. Start-up checks configuration and the
 * database first, so a bad setup stops with a message, not a stack trace.
 */
import next from "next";
import { closeDatabase } from "@/db/client";
import { DatabaseUnavailableError } from "@/db/errors";
import { startBackgroundWork, stopBackgroundWork } from "@/lib/automation/start";
import { flushClicks } from "@/lib/clicks/record-click";
import { getAppDatabase } from "@/lib/db";
import { ConfigError, env, type Env } from "@/lib/env";
import { createGracefulServer } from "@/lib/http/graceful-close";
import { startWorkspacePurge } from "@/lib/installs/purge-schedule";
import { log } from "@/lib/log";
import { markCustomServer } from "@/lib/process-role";
import { preloadGeo } from "@/lib/redirect/geo";
import { createShortLinkListener } from "@/lib/redirect/short-link-listener";
import { bootstrapSandbox } from "@/lib/sandbox/bootstrap";

function fail(message: string): never {
  process.stderr.write(`\nSmart Links cannot start.\n${message}\n\n`);
  process.exit(1);
}

function loadConfigOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    await getAppDatabase();
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) fail(err.message);
    throw err;
  }

  markCustomServer(); // before Next loads: its instrumentation leaves signals to us
  const dev = config.nodeEnv === "development";
  const app = next({ dev, dir: process.cwd(), hostname: config.hostname ?? "localhost", port: config.port });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  // Sandbox mode: seed the sandbox CRM and install the app on its installed locations (in-process).
  await bootstrapSandbox();
  startWorkspacePurge();
  startBackgroundWork(); // CRM effects, workflow triggers, contact names: the job worker
  preloadGeo(); // so the first click does not wait for the geo database
  // Short links (`/{slug}`, see lib/redirect/short-link-path.ts) never reach Next.
  const { server, close } = createGracefulServer(
    createShortLinkListener((req, res) => {
      handleNext(req, res).catch((err: unknown) => {
        log.error("request failed", { err, url: req.url });
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
      });
    }),
  );
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => {
    if (config.hostname) server.listen(config.port, config.hostname, resolve);
    else server.listen(config.port, resolve);
  });
  log.info("listening", {
    url: config.appUrl,
    mode: dev ? "development" : "production",
    db: config.database.driver,
    crm: config.crm.mode,
  });
  process.stdout.write(`Smart Links is running at ${config.appUrl}/app\n`);

  // Graceful: answer what was received (Connection: close), then write every buffered click,
  // then close the database. A second signal, or 15 s, ends the process regardless.
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info("shutting down", { signal });
    setTimeout(() => process.exit(1), 15_000).unref();
    void close(10_000)
      .then(() => flushClicks())
      .then(() => stopBackgroundWork())
      .then(() => closeDatabase())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error("shutdown failed", { err });
        process.exit(1);
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  log.error("start-up failed", { err });
  fail(err instanceof Error ? err.message : String(err));
});
