FROM debian:12
# ruleid: generic.transport.curl-insecure-in-config
RUN curl -k -o /tmp/tool.tgz https://tools.example.org/tool.tgz
# ruleid: generic.transport.curl-insecure-in-config
RUN wget --no-check-certificate https://tools.example.org/tool.tgz
# ok: generic.transport.curl-insecure-in-config
RUN curl -fsSL -o /tmp/tool.tgz https://tools.example.org/tool.tgz
# ok: generic.transport.curl-insecure-in-config
RUN curl --keepalive-time 5 https://tools.example.org/
