<?php
// ruleid: php.security.extract-input
extract($_POST);
// ok: php.security.extract-input
extract($defaults);
// ok: php.security.extract-input
$name = $_POST['name'] ?? '';
