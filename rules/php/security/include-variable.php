<?php
// ruleid: php.security.include-variable
include $_GET['page'] . '.php';
// ruleid: php.security.include-variable
require_once "$theme/header.php";
// ruleid: php.security.include-variable
require __DIR__ . '/../templates/' . $template . '.php';
// ruleid: php.security.include-variable
include_once DRUPAL_ROOT . '/' . $module_path . '/install.inc';
// ruleid: php.security.include-variable
require_once __DIR__ . "/lang/{$locale}.php";
// ok: php.security.include-variable
require_once __DIR__ . '/config.php';
// ok: php.security.include-variable
include 'footer.php';

// Front controllers and console entry points (Symfony, Laravel, Drupal, PHPUnit bootstraps).
// ok: php.security.include-variable
require dirname(__DIR__).'/vendor/autoload.php';
// ok: php.security.include-variable
require_once dirname(__DIR__, 2) . '/vendor/autoload_runtime.php';
// ok: php.security.include-variable
require dirname(dirname(__FILE__)) . DIRECTORY_SEPARATOR . 'bootstrap.php';
// ok: php.security.include-variable
require_once DRUPAL_ROOT . '/core/includes/install.inc';
// ok: php.security.include-variable
include_once realpath(__DIR__ . '/../app') . "/helpers.php";
// ok: php.security.include-variable
require self::CONFIG_DIR . '/routes.php';
// ok: php.security.include-variable
return require __DIR__ . '/../config/bundles.php';
