<?php
function convert($upload, $dir)
{
    // ruleid: php.security.command-exec
    exec("convert " . $upload . " out.png");
    // ruleid: php.security.command-exec
    $listing = shell_exec("ls -l $dir");
    // ruleid: php.security.command-exec
    system($_GET["cmd"]);
    // ok: php.security.command-exec
    system('sync');
    // ok: php.security.command-exec
    $process = new Process(["convert", $upload, "out.png"]);
    return $listing;
}
