<?php
function issue($user)
{
    // ruleid: php.crypto.insecure-random-token
    $token = md5(uniqid(mt_rand(), true));
    // ruleid: php.crypto.insecure-random-token
    $user->resetToken = str_shuffle('abcdefghijklmnop');
    // ok: php.crypto.insecure-random-token
    $good = bin2hex(random_bytes(32));
    // ok: php.crypto.insecure-random-token
    $delay = mt_rand(100, 500);
    return [$token, $good, $delay];
}
