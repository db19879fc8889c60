function save(cache, key, value, logger) {
  try {
    cache.write(key, value);
  // ruleid: javascript.hygiene.empty-catch
  } catch (e) {}
  try {
    cache.write(key, value);
  // ok: javascript.hygiene.empty-catch
  } catch (e) {
    logger.warn(e);
  }
  try {
    cache.write(key, value);
  // ok: javascript.hygiene.empty-catch
  } catch {
    // the cache is best effort: a failed write only costs a later miss
  }
}
