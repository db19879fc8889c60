#!/bin/sh
# ruleid: generic.transport.ssh-host-key-check-disabled
ssh -o StrictHostKeyChecking=no deploy@prod.example.org ./deploy.sh
# ok: generic.transport.ssh-host-key-check-disabled
ssh -o StrictHostKeyChecking=yes deploy@prod.example.org ./deploy.sh
# ok: generic.transport.ssh-host-key-check-disabled
ssh -o UserKnownHostsFile=deploy/known_hosts deploy@prod.example.org
