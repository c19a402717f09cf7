import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGracefulServer } from "@/lib/http/graceful-close";

/** One keep-alive GET; resolves with the status and the Connection header. */
function get(port: number, agent: http.Agent): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      })
      .on("error", reject);
  });
}

describe("createGracefulServer", () => {
  it("answers the requests it has received, each with Connection: close, then stops", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let slow = true;
    const { server, close } = createGracefulServer((_req, res) => {
      const answer = () => res.writeHead(302, { Location: "https://example.com/" }).end();
      if (slow) void held.then(answer);
      else answer();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true });

    const inFlight = get(port, agent); // still being answered when the stop begins
    await new Promise((resolve) => setTimeout(resolve, 50));
    let closed = false;
    const closing = close(5_000).then(() => (closed = true));
    release();
    expect(await inFlight).toEqual({ status: 302, connection: "close" });
    await closing;
    expect(closed).toBe(true);
    // New connections are refused once it has stopped.
    slow = false;
    await expect(get(port, new http.Agent())).rejects.toMatchObject({ code: "ECONNREFUSED" });
    agent.destroy();
  });

  it("cuts connections still open at the deadline", async () => {
    const { server, close } = createGracefulServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const stuck = get(port, new http.Agent()).catch((err: unknown) => err);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await close(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await stuck).toMatchObject({ code: "ECONNRESET" });
  });
});
