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

// PHP 5/7: a string assertion was evaluated as code.
function check_limit($count, $limit)
{
    // ruleid: php.security.eval
    assert('$count <= ' . $limit);
    // ruleid: php.security.eval
    assert("$count <= 100");
}

// Ordinary assertions (Doctrine entities, Symfony voters): boolean expressions, never code.
final class ScreenRepositoryLookup
{
    public function find(?string $id, mixed $subject, array $items): void
    {
        // ok: php.security.eval
        assert(null !== $id);
        // ok: php.security.eval
        assert($subject instanceof \DateTimeInterface);
        // ok: php.security.eval
        assert(is_string($id), 'The id must be a string');
        // ok: php.security.eval
        assert(\count($items) > 0);
        // ok: php.security.eval
        assert('is_array($items)');
    }
}
