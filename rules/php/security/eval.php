<?php
function calc($formula, $body)
{
    // ruleid: php.security.eval
    eval('$result = ' . $formula . ';');
    // ruleid: php.security.eval
    $f = create_function('$x', $body);
    // ok: php.security.eval
    eval('return 1;');
    // ok: php.security.eval
    assert($formula !== null);
    return $result ?? $f;
}
