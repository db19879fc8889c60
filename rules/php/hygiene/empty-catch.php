<?php
function save($cache, $item, $logger)
{
    try {
        $cache->save($item);
    // ruleid: php.hygiene.empty-catch
    } catch (\Exception $e) {}
    try {
        $cache->save($item);
    // ok: php.hygiene.empty-catch
    } catch (CacheException $e) {
        $logger->warning($e->getMessage());
    }
    try {
        $cache->save($item);
    // ok: php.hygiene.empty-catch
    } catch (CacheException $e) {
        // best effort: a failed save only costs a later miss
    }
}
