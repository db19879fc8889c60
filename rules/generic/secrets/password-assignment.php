<?php

enum UserType: string
{
    case OIDC_EXTERNAL = 'OIDC_EXTERNAL';
    // ok: generic.secrets.password-assignment
    case USERNAME_PASSWORD = 'USERNAME_PASSWORD';
    // ok: generic.secrets.password-assignment
    case EMAIL_PASSWORD = 'email-password';
}

$databases['default']['default'] = [
    'database' => 'drupal',
    'username' => 'drupal',
    // ruleid: generic.secrets.password-assignment
    'password' => 'q7Rm2xKv9L',
    'host' => 'localhost',
];

$settings = [
    // ok: generic.secrets.password-assignment
    'password' => '%env(DATABASE_PASSWORD)%',
    // ok: generic.secrets.password-assignment
    'smtp_password' => getenv('SMTP_PASSWORD'),
    // ok: generic.secrets.password-assignment
    'password' => '!ChangeMe!',
];
