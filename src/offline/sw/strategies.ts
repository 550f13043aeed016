// The three things the service worker does with the Cache API: fill a versioned cache at install,
// answer from it first (hashed files), or answer from the network first and fall back to it.
// Responses fetched at run time are never written back: each cache is the exact set of files of
// one build, so an offline visit never mixes a new index.html with old scripts.

type Outcome = { response: Response } | { error: unknown };

function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

async function stored(cacheName: string, key: string): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  // The page asks with other headers than the install did; the copy is the same file either way.
  return cache.match(key, { ignoreVary: true });
}

/**
 * A copy without the "redirected" flag: a host that redirects index.html (e.g. to the folder URL)
 * would otherwise make the browser refuse the cached page for a navigation.
 */
async function unredirected(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

/** Downloads every file into a new cache; any failure fails the install (it is retried later). */
export async function precache(cacheName: string, urls: readonly string[]): Promise<void> {
  const cache = await caches.open(cacheName);
  try {
    await Promise.all(
      urls.map(async (url) => {
        // 'no-cache' revalidates with the server, so a stale HTTP-cached file is never stored.
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, await unredirected(response));
      }),
    );
  } catch (error) {
    // Half a build would look complete to a later offline visit.
    await caches.delete(cacheName);
    throw error;
  }
}

/** Removes this site's caches from older builds (other sites' caches on the origin are kept). */
export async function deleteOldCaches(prefix: string, current: string): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n !== current).map((n) => caches.delete(n)),
  );
}

export async function cacheFirst(request: Request, cacheName: string, key: string) {
  return (await stored(cacheName, key)) ?? fetch(request);
}

/**
 * The network's answer unless it fails, is a server error, or (with a timeout) is too slow while
 * a stored copy exists; then the stored copy. Without one, whatever the network gives in the end.
 */
export async function networkFirst(
  request: Request,
  cacheName: string,
  key: string,
  timeoutMs: number | null,
): Promise<Response> {
  const network: Promise<Outcome> = fetch(request).then(
    (response) => ({ response }),
    (error: unknown) => ({ error }),
  );
  let outcome = await (timeoutMs === null ? network : Promise.race([network, delay(timeoutMs)]));
  if (outcome && 'response' in outcome && outcome.response.status < 500) return outcome.response;
  const copy = await stored(cacheName, key);
  if (copy) return copy;
  outcome ??= await network;
  if ('response' in outcome) return outcome.response;
  throw outcome.error;
}
