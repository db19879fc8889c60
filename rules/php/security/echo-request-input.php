<?php
// ruleid: php.security.echo-request-input
echo "Results for " . $_GET['q'];
// ruleid: php.security.echo-request-input
print $_POST['name'];
// ok: php.security.echo-request-input
echo "Results for " . htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8');
// ok: php.security.echo-request-input
echo $title;
