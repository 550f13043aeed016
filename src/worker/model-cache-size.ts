// How many loaded models a worker keeps (src/worker/model-cache.ts): the four built-in models plus
// one or two opened by link. Its own module, without TensorFlow.js, so that the storm test's
// driver (scripts/lib/storms.ts) can bound the cache without importing the library.
export const MODEL_CACHE_SIZE = 6;
