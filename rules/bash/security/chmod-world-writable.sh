#!/bin/sh
# ruleid: bash.security.chmod-world-writable
chmod 777 /srv/app
# ruleid: bash.security.chmod-world-writable
chmod -R a+rwx /var/www/html
# ok: bash.security.chmod-world-writable
chmod 755 /srv/app
# ok: bash.security.chmod-world-writable
chmod u+x deploy.sh
