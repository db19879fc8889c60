#!/bin/sh
# ruleid: bash.transport.curl-insecure
curl -k -o tool.tgz https://tools.example.org/tool.tgz
# ruleid: bash.transport.curl-insecure
wget --no-check-certificate https://tools.example.org/tool.tgz
# ok: bash.transport.curl-insecure
curl --cacert /etc/ssl/internal-ca.pem -o tool.tgz https://tools.example.org/tool.tgz
# ok: bash.transport.curl-insecure
wget -k https://docs.example.org/manual.html
