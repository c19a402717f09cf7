import {
  cachedLink,
  invalidateLinkCache,
  LINK_CACHE_STALE_MS,
  LINK_CACHE_TTL_MS,
  readThroughLink,
  rememberLink,
} from "@/lib/redirect/link-cache";

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => invalidateLinkCache());

describe("the link cache", () => {
  it("answers hits without calling the loader", async () => {
    const loader = jest.fn(async () => ({ url: "https://a.example" }));
    const now = Date.now();
    await readThroughLink("", "a", loader, now);
    for (let i = 0; i < 5; i++) expect(readThroughLink("", "a", loader, now + 1)).toEqual({ url: "https://a.example" });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("shares one query between concurrent misses", async () => {
    const gate = deferred<{ n: number }>();
    const loader = jest.fn(() => gate.promise);
    const reads = [readThroughLink("", "b", loader), readThroughLink("", "b", loader), readThroughLink("", "b", loader)];
    gate.resolve({ n: 1 });
    expect(await Promise.all(reads)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("caches misses as null", async () => {
    const loader = jest.fn(async () => null);
    await readThroughLink("", "nothing", loader);
    expect(await readThroughLink("", "nothing", loader)).toBeNull();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("serves a just-expired value while one refresh runs, then the fresh one", async () => {
    const now = Date.now();
    rememberLink("", "c", { v: 1 }, now - LINK_CACHE_TTL_MS - 1);
    const gate = deferred<{ v: number }>();
    const loader = jest.fn(() => gate.promise);
    expect(readThroughLink("", "c", loader, now)).toEqual({ v: 1 });
    expect(readThroughLink("", "c", loader, now)).toEqual({ v: 1 });
    expect(loader).toHaveBeenCalledTimes(1);
    gate.resolve({ v: 2 });
    await gate.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(cachedLink("", "c")).toEqual({ v: 2 });
  });

  it("waits for the database once a value is older than TTL + stale window", async () => {
    const now = Date.now();
    rememberLink("", "d", { v: 1 }, now - LINK_CACHE_TTL_MS - LINK_CACHE_STALE_MS - 1);
    const result = readThroughLink("", "d", async () => ({ v: 2 }), now);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toEqual({ v: 2 });
  });

  it("never stores an answer read before an invalidation", async () => {
    const gate = deferred<{ v: string }>();
    const read = readThroughLink("", "e", () => gate.promise);
    invalidateLinkCache(); // an edit committed while the query was running
    gate.resolve({ v: "before the edit" });
    await read;
    expect(cachedLink("", "e")).toBeUndefined();
  });
});
