<?php
// Seed users for a demo installation.
$users = [
    // ruleid: generic.secrets.password-hash
    ['admin@example.org', '$2y$13$Zr2Lw9Xk3Vn7TbQw2Er5TuO8Ui1Op4As7Df0GhJk3LzXc5VbNmQwe'],
    // ruleid: generic.secrets.password-hash
    ['editor@example.org', '$argon2id$v=19$m=65536,t=4,p=1$Zr2Lw9Xk3Vn7TbQw$q8Zr2Lw9Xk3Vn7TbQw2Er5Ty8Ui1Op4As7Df0GhJk'],
    // ok: generic.secrets.password-hash
    ['viewer@example.org', password_hash($password, PASSWORD_BCRYPT)],
];
// ok: generic.secrets.password-hash
$pattern = '/^\$2[aby]\$\d{2}\$/';
