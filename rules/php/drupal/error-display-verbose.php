<?php
// fixture-path: web/sites/default/settings.php
// ruleid: php.drupal.error-display-verbose
$config['system.logging']['error_level'] = 'verbose';
// ok: php.drupal.error-display-verbose
$config['system.logging']['error_level'] = 'hide';
// ok: php.drupal.error-display-verbose
$config['system.performance']['css']['preprocess'] = FALSE;
