<?php
// ruleid: php.security.include-variable
include $_GET['page'] . '.php';
// ruleid: php.security.include-variable
require_once "$theme/header.php";
// ok: php.security.include-variable
require_once __DIR__ . '/config.php';
// ok: php.security.include-variable
include 'footer.php';
