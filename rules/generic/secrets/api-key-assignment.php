<?php
// settings.php of a Drupal site.
// ruleid: generic.secrets.api-key-assignment
$settings['hash_salt'] = 'k3Vn7Tb9Qw2Er5Ty8Ui1Op4As7Df0GhJk3LzXc5VbN';
// ok: generic.secrets.api-key-assignment
$settings['hash_salt'] = file_get_contents('/var/www/private/salt.txt');
// ok: generic.secrets.api-key-assignment
$settings['hash_salt'] = '';
$config = [
  // ok: generic.secrets.api-key-assignment
  'client_secret' => 'INTERNAL_OIDC_CLIENT_SECRET',
  // ok: generic.secrets.api-key-assignment
  'api_key' => '%env(string:MAPS_API_KEY)%',
];
