const cp = require("child_process");
const { exec, execFile } = require("child_process");

function log(branch, cmd, cb) {
  // ruleid: javascript.security.child-process-exec
  exec(`git log ${branch}`, cb);
  // ruleid: javascript.security.child-process-exec
  cp.execSync("tar xf " + branch);
  // ruleid: javascript.security.child-process-exec
  cp.exec(cmd, cb);
  // ok: javascript.security.child-process-exec
  execFile("git", ["log", branch], cb);
  // ok: javascript.security.child-process-exec
  exec("git status", cb);
  // ok: javascript.security.child-process-exec
  const m = /(\d+)/.exec(branch);
  return m;
}
