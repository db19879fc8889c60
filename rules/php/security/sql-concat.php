<?php
function find($db, $conn, $id)
{
    // ruleid: php.security.sql-concat
    $r = mysqli_query($conn, "SELECT * FROM t WHERE id = " . $id);
    // ruleid: php.security.sql-concat
    $rows = $db->query("SELECT * FROM users WHERE id = $id");
    // ok: php.security.sql-concat
    $stmt = $db->prepare('SELECT * FROM users WHERE id = ?');
    // ok: php.security.sql-concat
    $all = $db->query("SELECT COUNT(*) FROM users");
    return [$r, $rows, $stmt, $all];
}
