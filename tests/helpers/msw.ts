/**
 * msw for unit tests of the CRM client: any request without a handler fails the test, so a
 * client that calls something unexpected is caught.
 */
import { setupServer } from "msw/node";
import type { RequestHandler } from "msw";

export function setupMswServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
