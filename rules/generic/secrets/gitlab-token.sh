#!/bin/sh
# ruleid: generic.secrets.gitlab-token
export GITLAB_TOKEN=glpat-Xk3Vn7Tb9Qw2Er5Ty8Ui
# ruleid: generic.secrets.gitlab-token
curl --header "PRIVATE-TOKEN: glpat-Qw2Er5Ty8Ui1Op4As7Df" https://gitlab.example.org/api/v4/projects
# ok: generic.secrets.gitlab-token
export GITLAB_TOKEN="${CI_JOB_TOKEN}"
# ok: generic.secrets.gitlab-token
echo "tokens start with glpat-"
