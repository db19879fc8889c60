<?php
function listing($dir)
{
    // ruleid: php.security.backticks
    $out = `ls $dir`;
    // ok: php.security.backticks
    $date = `date +%F`;
    return $out . $date;
}
