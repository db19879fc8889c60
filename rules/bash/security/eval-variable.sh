#!/bin/bash
cmd="ls -l"
# ruleid: bash.security.eval-variable
eval "$cmd"
# ruleid: bash.security.eval-variable
eval $(ssh-agent -s) "$extra"
# ok: bash.security.eval-variable
eval 'echo fixed text'
# ok: bash.security.eval-variable
"${cmd_array[@]}"
