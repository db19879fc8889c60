<?php
function prefs()
{
    // ruleid: php.security.unserialize-input
    $prefs = unserialize($_COOKIE['prefs']);
    // ok: php.security.unserialize-input
    $safe = unserialize($_COOKIE['prefs'], ['allowed_classes' => false]);
    // ok: php.security.unserialize-input
    $json = json_decode($_COOKIE['prefs'], true);
    return [$prefs, $safe, $json];
}
