<?php
function store($password, $file)
{
    // ruleid: php.crypto.weak-hash-password
    $hash = md5($password);
    // ruleid: php.crypto.weak-hash-password
    $other = hash('sha256', $user->password);
    // ok: php.crypto.weak-hash-password
    $etag = md5($file);
    // ok: php.crypto.weak-hash-password
    $good = password_hash($password, PASSWORD_DEFAULT);
    return [$hash, $other, $etag, $good];
}
