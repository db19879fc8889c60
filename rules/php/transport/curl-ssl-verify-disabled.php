<?php
$ch = curl_init($url);
// ruleid: php.transport.curl-ssl-verify-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
curl_setopt_array($ch, [
    // ruleid: php.transport.curl-ssl-verify-disabled
    CURLOPT_SSL_VERIFYHOST => 0,
    // ok: php.transport.curl-ssl-verify-disabled
    CURLOPT_SSL_VERIFYPEER => true,
]);
// ruleid: php.transport.curl-ssl-verify-disabled
$client = new GuzzleHttp\Client(['verify' => false]);
// ok: php.transport.curl-ssl-verify-disabled
curl_setopt($ch, CURLOPT_CAINFO, '/etc/ssl/internal-ca.pem');
