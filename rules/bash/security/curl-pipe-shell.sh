#!/bin/bash
# ruleid: bash.security.curl-pipe-shell
curl -fsSL https://get.example.org | sudo bash
# ruleid: bash.security.curl-pipe-shell
wget -qO- https://get.example.org/install.sh | sh -s -- --yes
# ok: bash.security.curl-pipe-shell
curl -fsSL https://api.example.org/items | jq '.items[]'
# ok: bash.security.curl-pipe-shell
curl -fsSLo install.sh https://get.example.org && sha256sum -c install.sh.sha256 && sh install.sh
