export async function find(db: any, req: any) {
  // ruleid: javascript.security.sql-template
  await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  // ruleid: javascript.security.sql-template
  await db.execute("DELETE FROM sessions WHERE user = '" + req.body.user + "'");
  // ok: javascript.security.sql-template
  await db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);
  // ok: javascript.security.sql-template
  await cache.get(`user:${req.params.id}`);
}
