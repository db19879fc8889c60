<?php
function show($order, $logger)
{
    // ruleid: php.hygiene.var-dump
    var_dump($order);
    // ruleid: php.hygiene.var-dump
    print_r($order);
    // ok: php.hygiene.var-dump
    $text = print_r($order, true);
    // ok: php.hygiene.var-dump
    $logger->debug('order loaded', ['id' => $order->id]);
    return $text;
}
